/**
 * Time zones as authors write them ("CEST", "Pacific time", "GMT+1", "Denver", "Europe/Berlin") mapped onto
 * IANA zones or fixed offsets, and local date + time turned into ISO 8601 with the right offset.
 *
 * Rule for abbreviations: one that says its season (PST/PDT, EST/EDT, CET/CEST, BST, AEST/AEDT, ...) is the fixed
 * offset the author wrote, whatever the date ("PDT" written in January gives -07:00, and an offset even without a
 * date), and keeps its region (`iana`) for the day order a region suggests. A generic one (PT, ET, CT, MT, "Pacific
 * time") means the region's clock, so its offset is the one that zone had on the incident's date. UTC, GMT, GMT±N
 * and the single-offset zones are fixed offsets. "PCT" is read as a typo of PT (P?T with no other meaning as a zone).
 * Ambiguous abbreviations take their most common meaning: CST = US Central, IST = India, BST = British Summer.
 */
import { IANAZone } from 'luxon'
import { ABBREVIATIONS, CHI, DEN, FRENCH_REGIONS, LA, NY, REGIONS, daylight, standard, type SeasonZone } from './zone-names.js'
import { collapseSpaces } from '../collapse-spaces.js'

/**
 * A zone as written and what it resolves to: `fixedOffsetMinutes` when it is one offset (it wins), else `iana`; an
 * abbreviation that says its season has both (the offset it states, and the region it belongs to).
 */
export interface ParsedZone {
  written: string
  iana: string | null
  fixedOffsetMinutes: number | null
}

/**
 * An offset, bare or after UTC/GMT. Before an offset, the letters of UTC or GMT in another order (`GTM+2`, `UCT-5`)
 * can only be a slip for them, so they are read as such.
 */
const UTC_LETTERS = 'UTC|UCT|CUT|CTU|TUC|TCU|GMT|GTM|MGT|MTG|TGM|TMG'
const OFFSET_RE = new RegExp(String.raw`^(?:(?:${UTC_LETTERS}|UT)\s*)?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?$`, 'i')
const FIND_RE =
  /\b[A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|\b(?:UTC|UCT|GMT|GTM|MGT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?\b|\b[A-Z]{2,5}(?= [Tt]ime\b)|\b(?:[A-Z][a-z]+ ){0,2}[A-Za-z]+ (?:(?:[Ss]tandard|[Dd]aylight|[Ss]ummer) )?[Tt]ime\b|\b[A-Z]{2,5} ?\/ ?[A-Z]{2,5}\b|\b[A-Z]{3,4}-?\d{1,2}[A-Z]{3,4}\b|\b[Hh]eure (?:normale |avancée |d['’]été )?(?:de |du |des |d['’])(?:l['’]|la )?[A-Za-zÀ-ÿ]+(?: (?:centrale|occidentale|orientale))?|\b[A-Z]{2,5}\b|\b[Uu][Tt][Cc]\b|(?:\b[Ii]n |\()(?:Pacific|Eastern|Central|Mountain)(?: (?:[Ss]tandard |[Dd]aylight )?[Tt]ime)?\b(?! [A-Z][a-z])|\b(?:Pacific|Eastern|Central|Mountain)(?=\s*[).,;]|\s*$)/g

/** Areas whose cities are read as zones (`Denver`); Antarctic stations and Etc names are not places people write. */
const CITY_AREAS = new Set(['America', 'Europe', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian'])
let cities: Map<string, string> | null = null // Zone cities that are also common words: "Christmas time" is no zone.
const COMMON_WORDS = new Set(['christmas', 'easter', 'wake', 'midway', 'reunion', 'mayotte', 'chatham', 'saipan', 'cocos', 'victoria', 'regina', 'stanley'])

function cityZone(name: string): string | null {
  if (!cities) {
    cities = new Map()
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const parts = zone.split('/')
      if (parts.length === 2 && CITY_AREAS.has(parts[0]!)) cities.set(parts[1]!.replace(/_/g, ' ').toLowerCase(), zone)
    }
  }
  return cities.get(name.toLowerCase().replace(/_/g, ' ')) ?? null
}

/** Canonical IANA names by what was written; luxon checks a name by building an `Intl.DateTimeFormat` each time. */
const ianaNames = new Map<string, string | null>()

/**
 * Whether a text could name an IANA zone at all (`Europe/Berlin`, `Etc/GMT+5`, any case): most texts with a `/` (`10/12`,
 * `api/v1`) cannot, and each distinct one would cost an `Intl.DateTimeFormat` and a thrown error once the map is full.
 */
export function mayNameIanaZone(written: string): boolean {
  return /^[A-Za-z][\w+-]*(?:\/[\w+-]+){1,3}$/.test(written)
}

function ianaName(written: string): string | null {
  if (!mayNameIanaZone(written)) return null
  let name = ianaNames.get(written)
  if (name === undefined) {
    // A link is its canonical zone (`US/Pacific` is `America/Los_Angeles`), so the region's day order and offsets apply.
    name = IANAZone.isValidZone(written) ? new Intl.DateTimeFormat('en-US', { timeZone: written }).resolvedOptions().timeZone : null
    if (ianaNames.size < 10_000) ianaNames.set(written, name)
  }
  return name
}

/** Standard (smaller) and daylight (larger) offsets of IANA zones, read once each from two days half a year apart. */
const seasonOffsets = new Map<string, { standard: number; daylight: number }>()

function seasonOffset(zone: SeasonZone): number {
  let found = seasonOffsets.get(zone.region)
  if (!found) {
    const iana = new IANAZone(zone.region)
    const [january, july] = [iana.offset(Date.UTC(2024, 0, 15)), iana.offset(Date.UTC(2024, 6, 15))]
    found = { standard: Math.min(january, july), daylight: Math.max(january, july) }
    seasonOffsets.set(zone.region, found)
  }
  return found[zone.season]
}

function resolved(written: string, target: string | number | SeasonZone): ParsedZone {
  if (typeof target === 'number') return { written, iana: null, fixedOffsetMinutes: target }
  if (typeof target === 'string') return { written, iana: target, fixedOffsetMinutes: null }
  return { written, iana: target.region, fixedOffsetMinutes: seasonOffset(target) }
}

/** Two abbreviations joined by a slash ("PST/PDT", "CET / CEST", "UTC/GMT") or, as POSIX names a region's clock, by its offset ("EST5EDT", "CET-1CEST"). */
const SEASON_PAIR = /^([A-Z]{2,5})(?: ?\/ ?|-?\d{1,2})([A-Z]{2,5})$/

/**
 * A pair of abbreviations: the standard and daylight names of one region ("PST/PDT", "CEST/CET") mean the region's
 * clock, whose offset follows the date; any other pair ("UTC/GMT") is read as its first zone.
 */
function seasonPair(written: string, first: string, second: string): ParsedZone | null {
  const [a, b] = [ABBREVIATIONS[first], ABBREVIATIONS[second]]
  if (a === undefined) return null
  if (typeof a === 'object' && typeof b === 'object' && a.region === b.region && a.season !== b.season) return resolved(written, a.region)
  return resolved(written, a)
}

/** French "heure de Paris", "heure de l'Est", "heure normale du Pacifique": the place or region after "heure", its season when named. */
const FRENCH_HOUR = /^heure (?:(normale|avancée|d['’]été) )?(?:de |du |des |d['’])(?:l['’]|la )?(.{2,30})$/i

/** A zone written the French way (`FRENCH_HOUR`): a region word's zone (its standard or daylight offset when named), else a zone's city; null otherwise. */
function frenchZone(written: string): ParsedZone | null {
  const m = FRENCH_HOUR.exec(written)
  const place = m ? m[2]!.toLowerCase() : null
  if (!m || !place) return null
  const region = Object.hasOwn(FRENCH_REGIONS, place) ? FRENCH_REGIONS[place]! : null
  if (region && m[1]) return resolved(written, m[1].toLowerCase() === 'normale' ? standard(region) : daylight(region))
  if (region) return resolved(written, region)
  const city = COMMON_WORDS.has(place) ? null : cityZone(place)
  return city ? resolved(written, city) : null
}

/** Reads a string that is wholly a zone ("CEST", "(UTC)", "GMT+1", "Pacific time", "Denver", "Europe/Berlin"). */
export function parseZone(text: string): ParsedZone | null {
  if (text.length > 80) return null
  const written = text
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .trim()
  if (written.length === 0 || written.length > 60) return null
  const pair = SEASON_PAIR.exec(written)
  if (pair) return seasonPair(written, pair[1]!, pair[2]!)
  const upper = written.toUpperCase()
  const abbreviation = ABBREVIATIONS[upper]
  if (abbreviation !== undefined && (written === upper || upper === 'UTC' || upper === 'GMT')) return resolved(written, abbreviation)
  const offset = OFFSET_RE.exec(written)
  if (offset && (/[a-z]/i.test(written) || /^[+\-−]\d{2}:?\d{2}$/.test(written))) {
    // "UTC - 10:40" after a time is a range to a clock time ("10:05 UTC - 10:40 UTC"), and no zone is off by 10 minutes.
    if (offset[3] !== undefined && (/[+\-−]\s/.test(written) || !/^(?:00|15|30|45)$/.test(offset[3]))) return null
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0)
    if (minutes > 14 * 60) return null
    return resolved(written, offset[1] === '+' ? minutes : -minutes)
  }
  if (written.includes('/')) {
    const iana = ianaName(written)
    if (iana) return resolved(written, iana)
  }
  const french = frenchZone(written)
  if (french) return french
  const words = collapseSpaces(written.toLowerCase()).replace(/ time$/, '')
  const season = / (standard|daylight|summer)$/.exec(words)
  const region = season ? words.slice(0, season.index) : words
  const regionZone = Object.hasOwn(REGIONS, region) ? REGIONS[region] : undefined
  if (typeof regionZone === 'string' && season) return resolved(written, season[1] === 'standard' ? standard(regionZone) : daylight(regionZone))
  if (regionZone !== undefined) return resolved(written, regionZone)
  // A city, alone ("Denver") or with "time" ("Berlin time"), unless it is also a common word ("Christmas time").
  const city = /^[A-Za-z][A-Za-z _]{2,30}$/.test(written) && !COMMON_WORDS.has(region) ? cityZone(region) : null
  return city ? resolved(written, city) : null
}

/** Finds the first zone mentioned in a heading or preface ("Timeline (CEST)", "All times in PST", "times in UTC"). */
export function findZone(text: string): ParsedZone | null {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text
  // An exec loop on the shared global expression (`matchAll` clones it on every call); parseZone does not use it.
  FIND_RE.lastIndex = 0
  for (let match = FIND_RE.exec(sample); match; match = FIND_RE.exec(sample)) {
    const candidate = match[0].replace(/^(?:[Ii]n |\()/, '')
    const zone = parseZone(candidate) ?? parseZone(candidate.replace(/^(?:all|times|hours|in|the)\s+/gi, ''))
    if (zone) return zone
    const words = candidate.split(' ')
    for (let i = 1; i < words.length; i++) {
      const tail = parseZone(words.slice(i).join(' '))
      if (tail) return tail
    }
  }
  return null
}

const ABBREVIATION = new RegExp(
  String.raw`^(?:\(.{1,40}\)|[A-Z]{2,5}(?: ?\/ ?[A-Z]{2,5}|-?\d{1,2}[A-Z]{3,4})?|[+\-−]\d{2}:?\d{2}|(?:${UTC_LETTERS})\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[A-Z][A-Za-z]+\/[A-Za-z_]+)$`,
)
const UNKNOWN_ZONE = /^[A-Z]{2,4}T$/

/**
 * The zone written at the start of `text`, right after a time: `Z`, `(CEST)`, `UTC+2`, `-PST`, `Pacific time`,
 * `Denver`; a weak one (a place or region word) only when a separator or the end follows. `unknown` is an
 * abbreviation in the zone's place that names no zone (`XYZT`); `length` is how much was read.
 */
export function readZoneAt(text: string): { zone: ParsedZone | null; unknown: string | null; length: number } | null {
  if (/^Z\b/.test(text)) return { zone: { written: 'Z', iana: null, fixedOffsetMinutes: 0 }, unknown: null, length: 1 }
  const paren = /^\s*\(([^()]{1,40})\)/.exec(text)
  if (paren) {
    const zone = parseZone(paren[1]!)
    return zone ? { zone, unknown: null, length: paren[0].length } : null
  }
  const dash = /^\s?-(?=[A-Z]{2,5}\b)/.exec(text)
  const from = dash ? dash[0].length : 0
  const words = /^\s*(\S+)(?:\s(\S+))?(?:\s(\S+))?(?:\s(\S+))?/.exec(text.slice(from, from + 120))
  if (!words) return null
  const tokens = words.slice(1).filter((w): w is string => w !== undefined)
  for (let n = tokens.length; n >= 1; n--) {
    const raw = tokens.slice(0, n).join(' ')
    const candidate = raw.replace(/[:,;.\-–)\]*_`]+$/, '')
    if (!candidate) continue
    const consumed = from + text.slice(from).indexOf(raw) + candidate.length
    const after = text.slice(consumed)
    const strong = ABBREVIATION.test(candidate)
    if (!strong && !/^[)\]*_`]*\s*(?:[-–—:|,]|$)/.test(after)) continue
    const zone = parseZone(candidate)
    if (zone) return { zone, unknown: null, length: consumed }
    if (n === 1 && UNKNOWN_ZONE.test(candidate) && /^\s*[-–—:|]/.test(after)) return { zone: null, unknown: candidate, length: consumed }
  }
  return null
}

/** Zones of the United States, where numeric dates are written month first. */
const MONTH_FIRST = new Set([
  LA,
  NY,
  CHI,
  DEN,
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Phoenix',
  'America/Detroit',
  'America/Boise',
  'America/Indiana/Indianapolis',
])

/**
 * Day order a stated zone suggests for numeric dates when the text itself does not decide: month first in a zone
 * of the United States, day first in any other named region, null for UTC and bare offsets (used everywhere).
 */
export function dayFirstIn(zone: ParsedZone | null): boolean | null {
  if (!zone?.iana) return null
  return !MONTH_FIRST.has(zone.iana)
}

export { formatOffset, luxonZone, offsetOn, toIso, zoneShift } from './zone-offsets.js'
