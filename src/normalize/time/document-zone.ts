/**
 * The zone a document states outside its timeline: a sentence that names it ("All times in CEST", "Times are
 * Pacific", "Timezone: UTC", "TZ: America/New_York", "All times PDT." on a line of its own, "heure de Paris"), else the zone written after the first clock time in prose ("at 22:26 UTC").
 * Fenced code (in a blockquote too), log lines and HTTP headers are never read: their zones are the machine's, not the author's.
 */
import { findTimes } from './datetime.js'
import { findZone, readZoneAt, type ParsedZone } from './zones.js'

const FENCE = /^(`{3,}|~{3,})/
const STATEMENT =
  /^[\W_]{0,4}(?:tz|zone)\s*[:：]|\b(?:times?|timestamps?|hours|events|dates)\b[^.!?\n]{0,60}?\b(?:in|are|is|as|use)\b|\btime[\s-]?zones?\b|\bzeitzone\b|\b(?:zeiten|uhrzeiten|zeitangaben)\b[^.!?\n]{0,40}?\b(?:in|sind)\b|\bfuseau\b|\bheures?\b.{0,20}\b(?:en|UTC)\b|\bheure (?:normale |avancée )?(?:de|du|d['’])\s?(?:l['’])?[A-ZÀ-Ý]/i
/** A report that says it uses a spelled-out zone ("This report uses Eastern Time throughout"); capitals make it a name. */
const USES_ZONE = /\b(?:[Uu]ses?|[Uu]sing)\s(?:the\s)?[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\sTime\b/
/** A short line of its own that names the zone without a verb ("All times PDT.", "(all times UTC)", "Times: CET"). */
const ZONE_LINE = /^[([*_]{0,3}\s{0,2}(?:all\s+)?(?:times?|timestamps?)\b(?!\s+(?:to|of|for|from|when)\b)[^.!?\n]{1,30}$/i
/** HTTP header lines (`Last-Modified: …`, an RFC 1123 date), log lines (syslog prefix, levels, milliseconds), code. */
const NOT_PROSE =
  /^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+:\s|\b[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\b|^[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}\s|\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\b|\d{2}:\d{2}:\d{2}[.,]\d{3}|^\[\d|^[{"<]|[{};]\s*$|^(?:\/\/|#!|\$ |>>>|import |export |const |let |var |function )/
const MAX_LINES = 5000
const MAX_TIMES = 20

/** The zone written right after a time in a prose line, or null. */
function zoneAfterTime(line: string): ParsedZone | null {
  for (const time of findTimes(line.slice(0, 5000)).slice(0, MAX_TIMES)) {
    const after = line.slice(time.index + time.text.length).replace(/^[*_`\])]{0,4}/, '')
    const zone = readZoneAt(after.slice(0, 80))
    if (zone?.zone && zone.zone.written !== 'Z') return zone.zone
  }
  return null
}

/** Whether a line (quote markers and indentation allowed) is pasted machine text: a log line, an HTTP header or code. */
export function isMachineLine(line: string): boolean {
  return NOT_PROSE.test(
    line
      .slice(0, 2000)
      .trim()
      .replace(/^(?:>\s?)+/, '')
      .trim(),
  )
}

/** The document's stated zone: a zone statement first, else the first zone written after a time; null when neither. */
export function documentZone(body: string): ParsedZone | null {
  return readDocumentZone(body)?.zone ?? null
}

/** `documentZone` and whether a sentence states it (`statement`) rather than a time in prose being followed by it. */
export function readDocumentZone(body: string): { zone: ParsedZone; statement: boolean } | null {
  let fence: string | null = null
  let afterTime: ParsedZone | null = null
  const lines = body.slice(0, 500_000).split('\n', MAX_LINES)
  for (const raw of lines) {
    const line = raw
      .trim()
      .replace(/^(?:>\s?)+/, '')
      .trim()
    const open = FENCE.exec(line)
    if (fence) {
      if (open && line.startsWith(fence)) fence = null
      continue
    }
    if (open) {
      fence = open[1]!
      continue
    }
    if (!line || NOT_PROSE.test(line)) continue
    if (STATEMENT.test(line) || USES_ZONE.test(line) || (line.length <= 60 && ZONE_LINE.test(line.replace(/[.)\]*_\s]+$/, '')))) {
      const stated = findZone(line)
      if (stated) return { zone: stated, statement: true }
    }
    if (!afterTime && /\d/.test(line)) afterTime = zoneAfterTime(line)
  }
  return afterTime ? { zone: afterTime, statement: false } : null
}
