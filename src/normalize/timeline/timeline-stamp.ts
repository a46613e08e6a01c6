/**
 * The stamp that opens a timeline entry, read as tokens: a date, a time (or an explicit unknown such as `--:--`),
 * a zone, in any order, wrapped in brackets or bold, joined by commas, slashes, "at" or `T`, with approximate
 * markers, a range's end and a second time in another zone skipped; then the separator before the event text.
 *
 * Measured against chrono-node on the timeline lines of all three corpora (bench/README.md, "Stamp parser:
 * chrono-node measured"): this hand-written reader is kept for stamps; chrono-node is not used here.
 */
import type { ParsedDate, ParsedTime } from '../time/datetime.js'
import { asciiDigits, joinerLength, readDateToken, readFiller, readTimeSuffix, readTimeToken, type StampHints, type Token } from '../time/datetime-tokens.js'
import { findZone, formatOffset, parseZone, readZoneAt as readZone, type ParsedZone } from '../time/zones.js'
import { hourBeforeRange, readRangeEnd, readRangeJoin } from '../time/range-join.js'
import { cleanEventText } from '../time/event-text.js'
import { shareMeridiem } from '../time/shared-meridiem.js'
import { readRelativeDay } from '../time/relative-day.js'

/** What a line's opening stamp says; `rest` is the event text after it. */
export interface Stamp {
  date: ParsedDate | null
  /** A date written as a placeholder (`2023-MM-DD`). */
  dateUnknown: boolean
  time: ParsedTime | null
  /** The end of a written range (`10:05 to 10:40`), else null. */
  end: ParsedTime | null
  /** The day of a range's end when written with it (`2024-09-02 01:00 ~ 2024-09-05 19:59`), else absent or null. */
  endDate?: ParsedDate | null
  /** Written as approximate ("~", "around", "ish"). */
  approximate: boolean
  /** A time written as unknown (`--:--`, `[???]`). */
  timeUnknown: boolean
  /** Text that looks like a time but is not one (`25:00`). */
  invalidTime: string | null
  zone: ParsedZone | null
  /** For a time with no zone, the offset a second time of the same moment in a fixed zone implies (`09:00 (16:00 UTC)`); weaker than a stated zone. */
  impliedZone?: ParsedZone | null
  /** An abbreviation in the zone's place that names no zone (`XYZT`). */
  unknownZone: string | null
  /** Days after the entry before, for a stamp that opens "The next day, 09:00": its date is that day's. */
  days?: number
  /** Minutes after the incident's start, for an entry written relative to it (`T+12m`); its time comes from the start. */
  elapsed?: number | null
  /** An offset written from the row above's clock (`+10 minutes`), not from the incident's start. */
  anchored?: boolean
  rest: string
}

const LEAD = /^(?:[\s\u00a0\u2000-\u200b\u3000*_`>•·▪►◦‣⁃[(→⇒»➤➔✓✔✗✘]|[-+](?=\s)|:[a-z0-9_+-]{1,40}:|\p{Extended_Pictographic}|\uFE0F)+/u
const WRAP = /^(?:[\])*_`[(]|\[\^[^\]\s]{1,30}\])+\s{0,3}/
const TIME_UNKNOWN = /^(?:-{1,2}:-{1,2}|\?{1,2}:\?{1,2}|\?{2,4}|[xX]{2}:[xX]{2}|hh:mm|TB[DC]|unknown(?=`?\s{0,3}[-–—:|]))(?![\w?])/i
/** An approximate note in parentheses after the separator (`- (approximately) review begins`). */
const APPROXIMATE_NOTE = /^[([]\s?(?:approx(?:imately|\.)?|about|around|roughly|circa|ca\.|estimated|est\.)\s?[)\]]\s*/i
const INVALID_TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?!\d)/
const SEPARATOR = /^\s*(?:[-–—=]+>?|:+|：|\||,|[→⇒➔➜➤»]|>>)\s*/
/** A UTC offset written straight after the time (`09:12:00-05:00`, `T09:12-0500`): a zone, never a range's end. */
const ATTACHED_OFFSET = /^[+\-−](?:0\d|1[0-4]):?[0-5]\d(?![\d:])/
const ALT_PAREN = /^\s{0,3}[([]([^()[\]\n]{1,60})[)\]]/
const ALT_SLASH = /^\s{0,3}\/\s{0,3}/
const HEAD_LIMIT = 200
/** A written clock time (`12:50`, `10h47`, `3pm`), not a bare number that could be a count or a year. */
const CLOCK_TEXT = /\d[:h.]\d|[ap]\.?m/i
/**
 * What any date or time token needs somewhere in the text it is read from: an ASCII digit, the `:` or `?` of an
 * unknown time (`--:--`, `??`, `hh:mm`), or a word token (`noon`, `yesterday`, `heute`, `TBD`, `unknown`). A head without one
 * cannot open a stamp, so it is not read part by part.
 */
const STAMP_CHANCE = /[\d?:]|yesterday|today|tonight|heute|gestern|hier|aujourd|vorgestern|noon|midnight|midday|tb[dc]|unknown/i
const MAX_STEPS = 12

/**
 * The end of a range written with its own day after a dated start (`~ 2024-09-05 19:59`, `to 5 Sep 2024, 19:59`): the
 * join, a date and a time; null when any is missing, so a later date alone (`- 2024-09-05 fix shipped`) is text.
 */
function readDatedRangeEnd(s: string, hints: StampHints): Token<{ date: ParsedDate; time: ParsedTime }> | null {
  const join = readRangeJoin(s)
  if (!join || join.conjunction) return null
  const after = s.slice(join.length)
  const date = readDateToken(after, hints)
  if (!date || date.value === 'placeholder' || date.value.year === null) return null
  const gap = joinerLength(after.slice(date.length))
  const time = readTimeToken(after.slice(date.length + gap), true)
  return time ? { value: { date: date.value, time: time.value }, length: join.length + date.length + gap + time.length } : null
}

/**
 * The zone of a time written with none, from a second time of the same moment in a fixed zone (`09:00 (16:00 UTC)` is
 * UTC-07:00): null when that zone's offset needs a day, or the gap is no zone's (not whole quarter hours within 14 h).
 */
function offsetBetween(local: ParsedTime, other: ParsedTime, zone: ParsedZone | null): ParsedZone | null {
  if (zone?.fixedOffsetMinutes == null) return null
  let minutes = local.hour * 60 + local.minute - (other.hour * 60 + other.minute) + zone.fixedOffsetMinutes
  if (minutes > 14 * 60) minutes -= 24 * 60
  if (minutes < -14 * 60) minutes += 24 * 60
  if (Math.abs(minutes) > 14 * 60 || minutes % 15 !== 0) return null
  return parseZone(minutes === 0 ? 'UTC' : `UTC${formatOffset(minutes)}`)
}

/** A stamp that has read nothing yet (no date, time or zone), with `rest` as its event text. */
export function emptyStamp(rest = ''): Stamp {
  return {
    date: null,
    dateUnknown: false,
    time: null,
    end: null,
    approximate: false,
    timeUnknown: false,
    invalidTime: null,
    zone: null,
    unknownZone: null,
    rest,
  }
}

/** Reads the stamp at the start of a line; null when the line does not open with a date or time. */
export function readStamp(line: string, hints: StampHints, nested = false): Stamp | null {
  const lead = LEAD.exec(line)
  const start = lead ? lead[0].length : 0
  const norm = asciiDigits(line.slice(0, start + HEAD_LIMIT))
  if (!STAMP_CHANCE.test(norm)) return null
  const stamp = emptyStamp()
  let pos = start
  let isoTime = false
  let endZone = false
  let between = false
  let hourOnlyStart = false
  let opened = false
  const at = (p: number): string => norm.slice(p)

  /** One part at `p` (no joiner before it); the position after it, or -1. */
  const part = (p: number, joined: string): number => {
    const s = at(p)
    if (stamp.time && !stamp.end && !stamp.zone) {
      const attached = joined === '' && (isoTime || stamp.time.second !== null) ? ATTACHED_OFFSET.exec(s) : null
      const offset = attached ? parseZone(attached[0]) : null
      if (attached && offset) {
        stamp.zone = offset
        return p + attached[0].length
      }
    }
    if (stamp.time && !stamp.end) {
      const end = readRangeEnd(s, between, hourOnlyStart)
      if (end) {
        stamp.end = end.value
        stamp.time = shareMeridiem(stamp.time, end.value)
        return p + end.length
      }
      const dated = stamp.date ? readDatedRangeEnd(s, hints) : null
      if (dated) {
        stamp.end = dated.value.time
        stamp.endDate = dated.value.date
        return p + dated.length
      }
    }
    if (!stamp.date && !stamp.dateUnknown && !stamp.time && !stamp.days) {
      const relative = readRelativeDay(s)
      if (relative) {
        stamp.days = relative.days
        return p + relative.length
      }
    }
    if (!stamp.date && !stamp.dateUnknown) {
      const date = readDateToken(s, hints)
      if (date) {
        if (date.value === 'placeholder') stamp.dateUnknown = true
        else stamp.date = date.value
        return p + date.length
      }
    }
    if (!stamp.time && !stamp.timeUnknown && !stamp.invalidTime) {
      const full = readTimeToken(s, stamp.date !== null)
      const time = full ?? hourBeforeRange(s, between, opened)
      if (time) {
        hourOnlyStart = !full
        stamp.time = time.value
        isoTime = joined === 'T'
        const suffix = readTimeSuffix(s.slice(time.length))
        if (suffix?.value.approximate) stamp.approximate = true
        return p + time.length + (suffix?.length ?? 0)
      }
      const unknown = TIME_UNKNOWN.exec(s) ?? null
      if (unknown) {
        stamp.timeUnknown = true
        return p + unknown[0].length
      }
      const invalid = INVALID_TIME.exec(s)
      if (invalid) {
        stamp.invalidTime = invalid[0]
        return p + invalid[0].length
      }
    }
    if (stamp.end && stamp.zone && !endZone) {
      // The zone written again after a range's end ("10:05 UTC - 10:40 UTC: ..."): the same stamp, skipped.
      const again = readZone(s)
      if (again?.zone) {
        endZone = true
        return p + again.length
      }
    }
    if (!stamp.zone && !stamp.unknownZone) {
      const zone = readZone(s)
      if (zone) {
        stamp.zone = zone.zone
        stamp.unknownZone = zone.unknown
        return p + zone.length
      }
    }
    return -1
  }

  /** A second time in another zone after the first (`14:00 UTC (16:00 CEST)`, `9am PT / 12pm ET`): skipped, its offset kept for a first with no zone. */
  const alternative = (p: number): number => {
    if (nested || !stamp.time) return -1
    const time = stamp.time
    const s = at(p)
    const paren = ALT_PAREN.exec(s)
    const inner = paren ? readStamp(paren[1]!, hints, true) : null
    if (paren && inner?.time && inner.rest === '') {
      if (!stamp.zone) stamp.impliedZone = offsetBetween(time, inner.time, inner.zone)
      return p + paren[0].length
    }
    const slash = ALT_SLASH.exec(s)
    const after = slash ? s.slice(slash[0].length) : ''
    const other = slash ? readTimeToken(after, false) : null
    const zone = other ? readZone(after.slice(other.length)) : null
    if (slash && other && zone?.zone) {
      if (!stamp.zone) stamp.impliedZone = offsetBetween(time, other.value, zone.zone)
      return p + slash[0].length + other.length + zone.length
    }
    return -1
  }

  for (let step = 0; step < MAX_STEPS && pos < norm.length; step++) {
    const found = alternative(pos)
    if (found >= 0) {
      pos = found
      continue
    }
    const touching = step === 0 ? -1 : part(pos, '')
    if (touching >= 0) {
      pos = touching
      continue
    }
    const joinLength = step === 0 ? 0 : joinerLength(at(pos))
    const joined = norm.slice(pos, pos + joinLength).trim()
    let p = pos + joinLength
    // With no joiner this is the touching part just tried (a part that fails changes nothing), so it is not read twice.
    let next = joinLength === 0 && step > 0 ? touching : part(p, joinLength === 0 ? '' : joined)
    for (let skips = 0; next < 0 && skips < 4; skips++) {
      const wrap = WRAP.exec(at(p))
      const filler = wrap ? null : readFiller(at(p))
      if (!wrap && !filler) break
      if (filler?.value.approximate) stamp.approximate = true
      if (filler?.value.between) between = true
      if (filler?.value.opens) opened = true
      p += wrap ? wrap[0].length : filler!.length
      next = part(p, joined)
    }
    if (next < 0) break
    pos = next
  }
  if (!stamp.date && !stamp.dateUnknown && !stamp.time && !stamp.timeUnknown && !stamp.invalidTime) return null
  let rest = line.slice(pos, 100_000).replace(WRAP, '')
  const sep = SEPARATOR.exec(rest)
  if (sep) rest = rest.slice(sep[0].length)
  const note = APPROXIMATE_NOTE.exec(rest)
  if (note) {
    stamp.approximate = true
    rest = rest.slice(note[0].length)
  }
  stamp.rest = cleanEventText(rest)
  return nested ? stamp : withLeadingClock(stamp, hints)
}

/**
 * A date-only stamp whose text opens with the clock time (`2021-08-27: At 12:50:07 UTC, issue exploited.`) takes that
 * time, its zone and range end: the entry is timed, not a day line.
 */
function withLeadingClock(stamp: Stamp, hints: StampHints): Stamp {
  if (!stamp.date || stamp.time || stamp.timeUnknown || stamp.invalidTime || stamp.rest === '') return stamp
  const inner = readStamp(stamp.rest, hints, true)
  if (!inner?.time || inner.date || inner.dateUnknown || !CLOCK_TEXT.test(inner.time.text)) return stamp
  return {
    ...stamp,
    time: inner.time,
    end: inner.end,
    endDate: inner.endDate ?? null,
    approximate: stamp.approximate || inner.approximate,
    zone: stamp.zone ?? inner.zone,
    unknownZone: stamp.zone ? stamp.unknownZone : inner.unknownZone,
    rest: inner.rest,
  }
}

/** A line that only names a day (`2019-01-22`, `2019-01-22 (all times UTC)`, `Tuesday, Jan 22`): the date of what follows. */
export function isDayLine(stamp: Stamp): boolean {
  if (!stamp.date || stamp.time || stamp.timeUnknown || stamp.invalidTime) return false
  return stamp.rest === '' || /^\(.*\)$/.test(stamp.rest) || (stamp.rest.length < 40 && findZone(stamp.rest) !== null)
}
