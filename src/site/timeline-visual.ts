import { utcDay, utcTime } from '../enrich/iso.js'
import { timedEntries } from '../enrich/moments.js'
import type { PostmortemRecord } from '../types.js'
import { formatMinutes, formatUtc } from './format.js'

/** One row of the timeline list, timed or not. */
export interface TimelineRow {
  id: string
  kind: 'event' | 'day'
  /** `HH:MM` in the incident's zone, `null` for untimed events. */
  time: string | null
  /** The same moment in UTC, when the offset is known. */
  utc: string | null
  /** `data-at`: ISO when known, else `HH:MM`. */
  at: string | null
  text: string
  /** Scaled gap before this event: 0 (none) to 5 (a long silence). */
  gap: number
  gapLabel: string | null
  outOfOrder: boolean
}

/** Geometry of the SVG overview: marks on a wall-clock axis with ticks and day separators. */
export interface TimelineVisual {
  width: number
  height: number
  axisY: number
  marks: Array<{ id: string; x: number; at: string; label: string; outOfOrder: boolean }>
  ticks: Array<{ x: number; label: string }>
  days: Array<{ x: number; label: string }>
  rows: TimelineRow[]
  zone: string | null
  spanLabel: string | null
  outOfOrder: number
}

const WIDTH = 800
const PAD = 24
const STEPS = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080]
const GAP_LIMITS = [5, 15, 60, 180, 480]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `Mar 18` for wall-clock minutes. */
const dayLabel = (minutes: number): string => {
  const day = utcDay(minutes * 60_000)
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`
}

/** Lays out a record's timeline for the page: a scaled SVG overview and a list with scaled gaps and day rows. */
export function timelineVisual(record: PostmortemRecord): TimelineVisual | null {
  if (record.timeline.length === 0) return null
  const timed = timedEntries(record)
  const byIndex = new Map(timed.map((t) => [t.index, { ...t, wall: t.wallMs / 60_000 }]))
  const walls = [...byIndex.values()].map((t) => t.wall)
  const min = walls.length ? Math.min(...walls) : 0
  const max = walls.length ? Math.max(...walls) : 0
  const span = max - min
  const x = (wall: number): number => Math.round((span ? PAD + ((wall - min) / span) * (WIDTH - 2 * PAD) : WIDTH / 2) * 10) / 10
  const rows: TimelineRow[] = []
  const marks: TimelineVisual['marks'] = []
  let previous: { wall: number } | null = null
  let outOfOrder = 0
  let dayCount = 1
  record.timeline.forEach((entry, index) => {
    const id = `pm-event-${index + 1}`
    const t = byIndex.get(index)
    if (!t) {
      rows.push({ id, kind: 'event', time: null, utc: null, at: null, text: entry.text, gap: 0, gapLabel: null, outOfOrder: false })
      return
    }
    if (previous && t.wall >= previous.wall && Math.floor(t.wall / 1440) !== Math.floor(previous.wall / 1440)) {
      dayCount++
      rows.push({ id: `pm-day-${index + 1}`, kind: 'day', time: null, utc: null, at: t.day, text: t.day ?? `Day ${dayCount}`, gap: 0, gapLabel: null, outOfOrder: false })
    }
    const late = previous !== null && t.wall < previous.wall
    const gapMinutes = previous && !late ? t.wall - previous.wall : 0
    const gap = GAP_LIMITS.findIndex((limit) => gapMinutes < limit)
    if (late) outOfOrder++
    const at = t.iso ?? t.time
    const utcFull = formatUtc(t.iso)
    const utc = utcFull && utcFull.slice(0, 10) === t.day ? utcFull.slice(11) : utcFull
    rows.push({ id, kind: 'event', time: t.time, utc, at, text: entry.text, gap: gap === -1 ? 5 : gap, gapLabel: gapMinutes >= 60 ? `${formatMinutes(gapMinutes)} later` : null, outOfOrder: late })
    marks.push({ id, x: x(t.wall), at, label: `${t.time}${record.timezone ? ` ${record.timezone}` : ''}${utc ? ` (${utc})` : ''}${late ? ', out of order' : ''}: ${entry.text}`, outOfOrder: late })
    previous = { wall: t.wall }
  })
  const firstEvent = rows.findIndex((r) => r.kind === 'event' && r.time !== null)
  if (rows.some((r) => r.kind === 'day') && firstEvent >= 0) {
    const first = timed.find((t) => `pm-event-${t.index + 1}` === rows[firstEvent]!.id)!
    rows.splice(firstEvent, 0, { id: 'pm-day-start', kind: 'day', time: null, utc: null, at: first.day, text: first.day ?? 'Day 1', gap: 0, gapLabel: null, outOfOrder: false })
  }
  const step = STEPS.find((s) => span / s <= 8) ?? 10080
  const ticks: TimelineVisual['ticks'] = []
  for (let m = Math.ceil(min / step) * step; m <= max && span > 0; m += step) {
    ticks.push({ x: x(m), label: step >= 1440 ? dayLabel(m) : utcTime(m * 60_000) })
  }
  const days: TimelineVisual['days'] = []
  const known = timed.some((t) => t.day !== null)
  for (let m = (Math.floor(min / 1440) + 1) * 1440; m < max; m += 1440) {
    days.push({ x: x(m), label: known ? dayLabel(m) : `Day ${days.length + 2}` })
  }
  return { width: WIDTH, height: 96, axisY: 56, marks, ticks, days, rows, zone: record.timezone ?? record.utcOffset, spanLabel: formatMinutes(walls.length > 1 ? Math.round(span) : null), outOfOrder }
}
