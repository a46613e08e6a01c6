/**
 * The day the incident happened (not the day it was published), and its start/end when a Duration, Start/End
 * or status-page front matter states them. Evidence in order: status-page `date`, Date/Duration/Start fields,
 * a date in the title, a date in the timeline's heading or preface; the timeline's entries, prose and the
 * publication date are weighed later (see `pickDate`).
 */
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { addDays, isCalendarDay } from './date-parts.js'
import { findDates, formatDate, inferDayFirst, type DateHints, type ParsedDate } from './datetime.js'
import { parseRange } from './datetime-range.js'
import { datesOf, scanDates } from './datetime-dates.js'
import { isMachineLine, readDocumentZone } from './document-zone.js'
import { MONTH_WORD } from './month-words.js'
import { matterDateText } from './matter-date-text.js'
import { rangeStartYear } from './range-start-year.js'
import { titleYear } from './title-year.js'
import { fieldWindowText } from './field-window.js'
import { isNotice } from './notice-day.js'
import { readFieldMonth } from './month-stamp.js'
import { dayBeforeReport, isWritingDay, OPENING, writingDay, yesterdayIndex } from './report-day.js'
import { dayFirstIn, offsetOn, parseZone } from './zones.js'
import { report } from '../diagnostics.js'
import type { Fields } from '../structure/fields.js'
import { frontMatterInstant, type Meta } from '../front-matter/meta.js'
import { stateMatterWindow } from '../front-matter/window-keys.js'

/** What the explicit evidence says about the incident's when. */
export interface IncidentWhen {
  date: string | null
  /** `YYYY-MM` when a Date field names only the month (`Date of Incident: March 2023`); `date` is then not from it. */
  month: string | null
  /** Where `date` was read: a title date may be the report's day rather than the incident's (see `titleDateIsReportDay`). */
  dateSource: 'status' | 'field' | 'title' | 'timeline' | null
  /** First unambiguous full date anywhere in the body: the last resort when nothing else dates the incident. */
  bodyDate: string | null
  /** First full date in the summary prose: weaker than the timeline's own dates. */
  proseDate: string | null
  /** The day the text says the report was written or published ("Report date: …") when no publication day is known; absent or `null` when none. */
  writtenDay?: string | null
  /** Whether the prose date's sentence says when the team learned of it ("On May 3 we were notified"), not when it began. */
  proseDateNotice: boolean
  start: string | null
  end: string | null
  durationMinutes: number | null
  /** Whether `end` is when a status page marked the incident resolved (`resolvedWhen`, `resolved_on`), not the impact's own end. */
  endIsResolution: boolean
  /** An impact duration front matter states (`duration: 90 minutes`), `null` when none. */
  statedMinutes: number | null
  timezone: string | null
  utcOffset: string | null
  /** Zone written in a Duration/Start line or front matter, for timeline entries that name none. */
  zone: string | null
  year: number | null
  dayFirst: boolean | null
}

/** Inputs: front matter, metadata, title, timeline context text, prose, whole body, fields. */
export interface IncidentInput {
  data: Record<string, unknown>
  meta: Meta
  title: string | null
  timelineContext: string
  prose: string
  body: string
  fields: Fields
  defaultTimezone: string | null
  file: VFile
  /** The document's language when not English (BCP 47): most write numeric dates day-first. */
  language?: string | null
}

/** Languages whose numeric dates put the day first ("03/04/2024" is 3 April in a Spanish or German report). */
const DAY_FIRST_LANGUAGES = new Set('de fr es pt it nl ru pl tr uk sv cs ro id vi el da nb fi bg sr hr'.split(' '))

function placeOf(body: string, text: string): { line: number; column: number } | null {
  const index = body.indexOf(text)
  if (index < 0) return null
  const before = body.slice(0, index)
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') }
}

/** Zone written right after a time in the first prose sentence that has one ("from 14:00 to 15:10 UTC"); log and header lines are not prose. */
function proseZone(prose: string): string | null {
  const lines = prose.split('\n').filter((line) => !isMachineLine(line))
  const sentence = lines
    .join('\n')
    .split(/(?<=[.!?])\s+/)
    .find((s) => /\d{1,2}[:.]\d{2}|\d\s?[ap]\.?m\b/i.test(s))
  return sentence ? (parseRange(sentence)?.timezone ?? null) : null
}

function full(d: ParsedDate, year: number | null): string | null {
  const y = d.year ?? year
  return y === null ? null : formatDate({ year: y, month: d.month, day: d.day })
}

function firstDate(text: string, hints: DateHints, year: number | null, warn: (d: ParsedDate) => void): string | null {
  return firstDated(text, hints, year, warn)?.date ?? null
}

function firstDated(text: string, hints: DateHints, year: number | null, warn: (d: ParsedDate) => void): { date: string; index: number } | null {
  const dates = findDates(text, hints)
  for (const [i, d] of dates.entries()) {
    const date = full(d, year ?? rangeStartYear(text, d, dates[i + 1]))
    // The day the report was written ("Report date: …", "2024-07-22 (postmortem written)") is not the incident's.
    if (!date || isWritingDay(text, d.index, d.text.length)) continue
    if (d.ambiguous) warn(d)
    return { date, index: d.index }
  }
  return null
}

/** A month written with its year and no day ("March 2020", "Sept. 2019"): the year of days written without one. */
const MONTH_YEAR = new RegExp(String.raw`\b(?:${MONTH_WORD})\.?,?\s+((?:19|20)\d{2})\b`, 'i')
/** Characters of the body searched for a month and year when no date names its year. */
const MONTH_YEAR_SPAN = 5000

function monthYear(text: string): number | null {
  const m = /\d{4}/.test(text) ? MONTH_YEAR.exec(text) : null
  return m ? Number(m[1]) : null
}

/** Reads the explicit evidence; reports an ambiguous numeric date it had to decide without evidence, and a `Date:` field naming no real day. */
export function findIncidentWhen(input: IncidentInput): IncidentWhen {
  const { data, meta, fields, file } = input
  const fmZone = typeof data['timezone'] === 'string' ? data['timezone'] : null
  const statement = readDocumentZone(input.body)
  const stated = statement?.zone ?? null
  const scan = scanDates(input.body)
  // A dated file name (`2020-05-03-outage.md`) names the day that `05-03-2020` in the text or front matter must mean.
  const knownDays = meta.published ? [meta.published] : []
  const inferred =
    inferDayFirst(scan, knownDays) ??
    inferDayFirst(matterDateText(data), knownDays) ??
    dayFirstIn(parseZone(fmZone ?? '') ?? stated) ??
    (DAY_FIRST_LANGUAGES.has(input.language ?? '') || null)
  const hints: DateHints = { dayFirst: inferred }
  const bodyDates = datesOf(scan, hints)
  const yearFromText =
    bodyDates.find((d) => d.year !== null)?.year ??
    monthYear(input.title ?? '') ??
    monthYear(input.body.slice(0, MONTH_YEAR_SPAN)) ??
    titleYear(input.title ?? '')
  const fmYear = frontMatterInstant(data['date'])?.date.slice(0, 4)
  const year = fmYear ? Number(fmYear) : meta.published ? Number(meta.published.slice(0, 4)) : yearFromText
  let warned = false
  const warn = (d: ParsedDate): void => {
    if (warned) return
    warned = true
    report(file, 'warning', `Date \`${d.text}\` can be read day-first or month-first; write it as YYYY-MM-DD`, placeOf(input.body, d.text), RULE.dateAmbiguous)
  }
  const rangeText = fieldWindowText(fields)
  const range = rangeText ? parseRange(rangeText, { year, dayFirst: inferred ?? true, zone: fmZone, defaultTimezone: input.defaultTimezone }) : null
  const out: IncidentWhen = {
    date: null,
    month: fields.date ? readFieldMonth(fields.date.value) : null,
    dateSource: null,
    bodyDate: firstUnambiguous(bodyDates),
    proseDate: null,
    proseDateNotice: false,
    start: range?.start.at ?? null,
    end: range?.end.at ?? null,
    durationMinutes: range?.durationMinutes ?? null,
    endIsResolution: false,
    statedMinutes: null,
    timezone: range?.timezone ?? null,
    utcOffset: range?.utcOffset ?? null,
    // A sentence that states the zone ("All times in CET") speaks for every time; a zone after the summary's first time, for that time.
    zone: range?.timezone ?? fmZone ?? (statement?.statement ? statement.zone.written : proseZone(input.prose)),
    year,
    dayFirst: inferred,
  }
  if (out.month && year === null) out.year = Number(out.month.slice(0, 4))
  if (stated && !range?.timezone) {
    out.timezone = stated.written
    out.zone ??= stated.written
  }
  // Status-page `date`/`resolvedWhen`, then keys that name the window (`started_at`, `resolved_on`, `duration`).
  stateMatterWindow(out, data, meta.statusPage, { year, dayFirst: inferred ?? true, date: frontMatterInstant(data['date'])?.date ?? null })
  const candidates: Array<[string | undefined, IncidentWhen['dateSource']]> = [
    [fields.date?.value, 'field'],
    [range?.start.date ?? undefined, 'field'],
    [fields.start?.value, 'field'],
    [fields.duration?.value, 'field'],
    [input.title ?? undefined, 'title'],
    [input.timelineContext, 'timeline'],
  ]
  for (const [text, source] of candidates) {
    if (out.date || !text) continue
    out.date = isCalendarDay(text) ? text : firstDate(text, { ...hints, year }, year, warn)
    if (out.date) out.dateSource = source
  }
  // A plain "Date:" over a summary that opens "Yesterday, …" is the day the report was written (a title date, as in
  // "Downtime on November 30", names the incident's).
  const ownDay = out.dateSource === 'field' && out.date === fieldDay(fields, hints, year)
  const before = ownDay ? dayBeforeReport(input.prose, out.date, hints) : null
  if (before) out.date = before
  out.writtenDay = meta.published ? null : writingDay(input.body, hints)
  const prose = firstDated(input.prose, hints, null, warn) ?? beforePublication(input.prose, meta.published ?? out.writtenDay, hints)
  out.proseDate = prose?.date ?? null
  out.proseDateNotice = prose !== null && isNotice(input.prose, prose.index)
  if (stated && !range?.timezone && !out.utcOffset) out.utcOffset = offsetOn(out.date ?? out.proseDate, stated)
  const written = fields.date?.value
  if (
    fields.date &&
    written &&
    /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(written) &&
    !isCalendarDay(written) &&
    !firstDate(written, { ...hints, year }, year, () => {})
  ) {
    report(
      file,
      'warning',
      `\`${fields.date.label}: ${written}\` is not a real date, so it is ignored; write it as YYYY-MM-DD`,
      { line: fields.date.line, column: fields.date.column },
      RULE.dateInvalid,
    )
  }
  return out
}

/**
 * A day the summary's opening gives without a year, counted from the publication day: a month and day ("On March 15th",
 * in the publication's year, or the year before when that would fall after it) or "yesterday" (the day before).
 */
function beforePublication(prose: string, published: string | null, hints: DateHints): { date: string; index: number } | null {
  if (!published) return null
  const head = prose.slice(0, OPENING)
  const year = Number(published.slice(0, 4))
  const d = findDates(head, hints).find((x) => !isWritingDay(head, x.index, x.text.length))
  if (d) {
    const date = d.year === null ? full(d, year) : null
    return date ? { date: date > published ? (full(d, year - 1) ?? date) : date, index: d.index } : null
  }
  const relative = yesterdayIndex(head)
  const day = relative >= 0 ? addDays(published, -1) : null
  return day ? { date: day, index: relative } : null
}

/** The day a plain `Date:` field states (not "Incident date", not "Date of incident"), or null. */
function fieldDay(fields: Fields, hints: DateHints, year: number | null): string | null {
  const field = fields.date
  if (!field || !/^\W*date\W*$/i.test(field.label)) return null
  return isCalendarDay(field.value) ? field.value : firstDate(field.value, { ...hints, year }, year, () => {})
}

/** The first date in the list that names its year and reads only one way (`4/20/2019`, `2019-04-20`, `April 20, 2019`). */
function firstUnambiguous(dates: ParsedDate[]): string | null {
  const d = dates.find((x) => x.year !== null && !x.ambiguous)
  return d ? full(d, null) : null
}

/**
 * The final incident date: explicit evidence, else the first date the summary states (the day users were hit, where the
 * timeline may open with lead-up days earlier), else the timeline's dated entries, else publication or the day the text
 * says it was written, else any unambiguous date in the body.
 */
export function pickDate(when: IncidentWhen, entryDate: string | null, published: string | null): string | null {
  return when.date ?? when.proseDate ?? entryDate ?? published ?? when.writtenDay ?? when.bodyDate
}

/**
 * Whether a date read from the title is the day the report was written or published rather than the day the
 * incident began: the timeline has no entry after it and began two or more days before it ("Vulnerability
 * disclosure 2022-11-01" over a timeline running 27 October to 1 November). A single day before is lead-up
 * (a change merged the evening before the outage the title names), so the title keeps it, as it does when an event on
 * its day is the first that says the impact began (`impactDays`: "issue exploited" on the title's day, weeks after a bounty report).
 */
export function titleDateIsReportDay(when: IncidentWhen, entryDates: string[], impactDays: string[] = []): boolean {
  if (when.dateSource !== 'title' || !when.date || entryDates.length === 0 || impactDays.includes(when.date)) return false
  const title = Date.parse(`${when.date}T00:00:00Z`)
  const days = entryDates.map((d) => Date.parse(`${d}T00:00:00Z`)).filter((ms) => !Number.isNaN(ms))
  if (Number.isNaN(title) || days.length === 0 || days.some((ms) => ms > title)) return false
  return Math.min(...days) <= title - 2 * DAY_MS
}

const DAY_MS = 86_400_000
