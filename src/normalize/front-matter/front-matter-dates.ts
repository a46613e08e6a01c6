/**
 * The front-matter dates Hindsight reads (`date`, `resolvedWhen`, `detected`, `mitigated`, `resolved`), checked
 * against their source text: YAML quietly turns `1990-00-00` into 1989-11-30 and TOML a bare `10:00:00` into a day
 * in year 0, so an impossible or unreadable date is reported here as `date-invalid` at its value and dropped, and
 * every later stage sees it as unknown rather than as a wrong day.
 */
import { DateTime } from 'luxon'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'
import { findDates } from '../time/datetime.js'
import { frontMatterInstant, isGregorianDay } from './meta.js'

/** Keys read as dates; `resolved: true` (a status-page flag) and other non-dates of a phase key are left alone. */
export const DATE_KEYS = ['date', 'resolvedWhen', 'detected', 'mitigated', 'resolved'] as const

/** Response phases, which may also be a bare `HH:MM` on the incident's day (see src/enrich/metrics.ts). */
const PHASES = new Set<string>(['detected', 'mitigated', 'resolved'])

const DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/
const TIME_AFTER_DAY = /^\S+?(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?/
const OFFSET = /\d\s*([+-])(\d{2}):?(\d{2})$/
/** A day and a time with no zone or offset after it (`2022-08-25T08:00:00`, `2022-08-25 08:00`). */
const LOCAL_DATE_TIME = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/

const realTime = (h: string, m: string, s = '0'): boolean => Number(h) <= 23 && Number(m) <= 59 && Number(s) <= 59

/** `true` when the written value names a real day (and time and UTC offset, when it has them) that Hindsight can read. */
export function isRealDateText(text: string, phase: boolean): boolean {
  const value = text.trim()
  const time = TIME.exec(value)
  if (time) return phase && realTime(time[1]!, time[2]!, time[3])
  const day = DAY.exec(value)
  if (day) {
    if (!isGregorianDay(Number(day[1]), Number(day[2]), Number(day[3]))) return false
    const at = TIME_AFTER_DAY.exec(value)
    if (at && !realTime(at[1]!, at[2]!, at[3])) return false
    const offset = at ? OFFSET.exec(value) : null
    return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= 14 * 60
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(frontMatterInstant(value)?.date ?? '') || writtenOut(value)
}

/** A day written out with a month name and a year ("March 7, 2023", "Tue, 7 Mar 2023 10:00"), as blogs and exports write it. */
function writtenOut(value: string): boolean {
  if (value.length > 80 || !/\p{L}{3}/u.test(value)) return false
  const found = findDates(value)[0]
  return !!found && found.year !== null && DateTime.fromObject({ year: found.year, month: found.month, day: found.day }).isValid
}

/** The value as written on its top-level `key: value` (YAML) or `key = value` (TOML) line, quotes and comment removed. */
function sourceOf(lines: string[], key: string): { text: string; line: number; column: number } | null {
  const re = new RegExp(`^(["']?)${key}\\1[ \\t]*[:=][ \\t]*`)
  for (let i = 1; i < lines.length; i++) {
    const m = re.exec(lines[i] ?? '')
    if (!m) continue
    const raw = (lines[i] ?? '')
      .slice(m[0].length)
      .replace(/\s+#.*$/, '')
      .trimEnd()
    return { text: raw.replace(/^(["'])(.*)\1$/, '$2'), line: i + 1, column: m[0].length + 1 }
  }
  return null
}

/** The value of a top-level key as written in the block's `lines` (quotes and comment removed), `null` when not found. */
export function writtenText(lines: string[], key: string): string | null {
  return sourceOf(lines, key.replace(/[^\w-]/g, '\\$&'))?.text.trim() || null
}

/**
 * Reports each date key whose value is not a real date and sets it to null; `lines` are the front-matter block's lines
 * (opening fence first). A time of day under a phase key (a YAML number, a TOML Date) becomes the `HH:MM` string the
 * metrics read.
 */
export function checkFrontMatterDates(data: Record<string, unknown>, lines: string[], file: VFile): Record<string, unknown> {
  const out = { ...data }
  for (const key of DATE_KEYS) {
    const value = data[key]
    if (value === undefined || value === null || typeof value === 'boolean') continue
    const at = sourceOf(lines, key)
    const written = at && at.text !== '' ? at.text : typeof value === 'string' ? value : null
    const time = written === null ? null : TIME.exec(written.trim())
    // YAML 1.1 reads `10:30` as the base-60 number 630 and TOML `10:30:00` as a Date in year 0: both were a time.
    const readable = typeof value === 'string' || (value instanceof Date && !Number.isNaN(value.getTime())) || (typeof value === 'number' && time !== null)
    if (readable && (written === null || isRealDateText(written, PHASES.has(key)))) {
      if (time && typeof value !== 'string') out[key] = `${time[1]!.padStart(2, '0')}:${time[2]}`
      // YAML and TOML read a date-time written without a zone as UTC; the author wrote a local time, so it stays as written.
      else if (value instanceof Date && written !== null && LOCAL_DATE_TIME.test(written.trim())) out[key] = written.trim()
      continue
    }
    const example = PHASES.has(key) ? '`2024-05-01T14:05:00+02:00` or `14:05`' : '`2024-05-01`'
    const shown = written ?? (value instanceof Date ? 'Invalid Date' : JSON.stringify(value))
    report(
      file,
      'warning',
      `Front-matter \`${key}\` is not a real date (\`${shown}\`), so it is ignored; write it as ${example}`,
      at ? { line: at.line, column: at.column } : { line: 1, column: 1 },
      RULE.dateInvalid,
    )
    // Kept as null rather than deleted: `'resolved' in data` still marks status-page front matter (see meta.ts).
    out[key] = null
  }
  return out
}
