import { utcDay, utcTime } from '../enrich/iso.js'
import { timedEntries } from '../enrich/moments.js'
import type { PostmortemRecord } from '../types.js'
import { eventIds } from './event-ids.js'
import { formatMinutes, formatUtc } from './format.js'
import { keyMoments, type KeyMoment, type WallWindow } from './timeline-keys.js'
import { compressedScale, layoutLabels, type TimeScale } from './timeline-scale.js'

/** One row of the timeline list, timed or not. */
export interface TimelineRow {
  /** Anchor id: for an event, from its time and text (`event-ids.ts`), so links to it survive edits elsewhere. */
  id: string
  kind: 'event' | 'day'
  /** `HH:MM` in the incident's zone, `null` for untimed events. */
  time: string | null
  /** The same moment in UTC, when the offset is known. */
  utc: string | null
  /** `data-at`: ISO when known, else `HH:MM` (`YYYY-MM` for an event dated only by its month). */
  at: string | null
  /** `October 2015` for an event the text dates only by its month. */
  month?: string
  text: string
  /** Scaled gap before this event: 0 (none) to 5 (a long silence). */
  gap: number
  gapLabel: string | null
  outOfOrder: boolean
}

/** A label drawn in the overview: position in percent of its width, baseline in px, and text anchor. */
export interface TimelineLabel {
  x: number
  y: number
  anchor: 'start' | 'middle' | 'end'
  text: string
}

/**
 * Geometry of the SVG overview, in percent of its width (so text keeps its size on a phone) and px of its height:
 * a compressed axis with quiet gaps cut as breaks, the impact window shaded, key moments labelled above the axis.
 */
export interface TimelineVisual {
  height: number
  axisY: number
  marks: Array<{ id: string; x: number; at: string; label: string; outOfOrder: boolean }>
  segments: Array<{ x1: number; x2: number }>
  breaks: Array<{ x1: number; x2: number; mid: number }>
  window: { x: number; width: number } | null
  /** Key moments (impact start, detected, mitigated, resolved): a leader from the axis up to the label. */
  keys: Array<TimelineLabel & { inferred: boolean }>
  /** First and last time, and the length of each break, below the axis. */
  scaleLabels: TimelineLabel[]
  /** The overview in words, shown under it: impact window, key moments, shortened gaps. */
  caption: string
  rows: TimelineRow[]
  zone: string | null
  spanLabel: string | null
  outOfOrder: number
}

const GAP_LIMITS = [5, 15, 60, 180, 480]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Axis ends in percent of the overview's width: room for a mark's radius at either end. */
const AXIS_FROM = 2
const AXIS_TO = 98
const LANE = 18
/** A position on the axis (0..1) in percent of the overview's width, rounded for stable output. */
const percent = (f: number): number => Math.round((AXIS_FROM + f * (AXIS_TO - AXIS_FROM)) * 100) / 100

/** A quiet gap's length as a reader rounds it: whole hours once it is a few hours long. */
const gapText = (minutes: number): string => formatMinutes(minutes >= 180 ? Math.round(minutes / 60) * 60 : minutes)!

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `October 2015` for `2015-10`. */
const monthLabel = (month: string): string => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`.trim()

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
  const span = walls.length ? Math.max(...walls) - Math.min(...walls) : 0
  const key = keyMoments(record, timed)
  const scale = compressedScale([...walls, ...key.moments.map((k) => k.minute), ...(key.window ? [key.window.from, key.window.to] : [])])
  const x = (wall: number): number => percent(scale.at(wall))
  const rows: TimelineRow[] = []
  const marks: TimelineVisual['marks'] = []
  let previous: { wall: number } | null = null
  let outOfOrder = 0
  let dayCount = 1
  const ids = eventIds(record.timeline)
  record.timeline.forEach((entry, index) => {
    const id = ids[index]!
    const t = byIndex.get(index)
    if (!t) {
      const month = entry.month ? { at: entry.month, month: monthLabel(entry.month) } : { at: null }
      rows.push({ id, kind: 'event', time: null, utc: null, ...month, text: entry.text, gap: 0, gapLabel: null, outOfOrder: false })
      return
    }
    if (previous && t.wall >= previous.wall && Math.floor(t.wall / 1440) !== Math.floor(previous.wall / 1440)) {
      dayCount++
      rows.push({
        id: `pm-day-${index + 1}`,
        kind: 'day',
        time: null,
        utc: null,
        at: t.day,
        text: t.day ?? `Day ${dayCount}`,
        gap: 0,
        gapLabel: null,
        outOfOrder: false,
      })
    }
    const late = previous !== null && t.wall < previous.wall
    const gapMinutes = previous && !late ? t.wall - previous.wall : 0
    const gap = GAP_LIMITS.findIndex((limit) => gapMinutes < limit)
    if (late) outOfOrder++
    const at = t.iso ?? t.time
    const utcFull = formatUtc(t.iso)
    const utc = utcFull && utcFull.slice(0, 10) === t.day ? utcFull.slice(11) : utcFull
    rows.push({
      id,
      kind: 'event',
      time: t.time,
      utc,
      at,
      text: entry.text,
      gap: gap === -1 ? 5 : gap,
      gapLabel: gapMinutes >= 60 ? `${formatMinutes(gapMinutes)} later` : null,
      outOfOrder: late,
    })
    marks.push({
      id,
      x: x(t.wall),
      at,
      label: `${t.time}${record.timezone ? ` ${record.timezone}` : ''}${utc ? ` (${utc})` : ''}${late ? ', out of order' : ''}: ${entry.text}`,
      outOfOrder: late,
    })
    previous = { wall: t.wall }
  })
  const firstEvent = rows.findIndex((r) => r.kind === 'event' && r.time !== null)
  if (rows.some((r) => r.kind === 'day') && firstEvent >= 0) {
    const first = timed.find((t) => ids[t.index] === rows[firstEvent]!.id)!
    rows.splice(firstEvent, 0, {
      id: 'pm-day-start',
      kind: 'day',
      time: null,
      utc: null,
      at: first.day,
      text: first.day ?? 'Day 1',
      gap: 0,
      gapLabel: null,
      outOfOrder: false,
    })
  }
  const known = timed.some((t) => t.day !== null)
  return {
    ...overview(scale, key, walls, known),
    marks,
    rows,
    zone: record.timezone ?? record.utcOffset,
    spanLabel: formatMinutes(walls.length > 1 ? Math.round(span) : null),
    outOfOrder,
  }
}

/** Axis, breaks, impact band and labels of the overview, with its caption; lanes keep labels apart at 375 px. */
function overview(
  scale: TimeScale,
  key: { moments: KeyMoment[]; window: WallWindow | null },
  walls: number[],
  known: boolean,
): Omit<TimelineVisual, 'marks' | 'rows' | 'zone' | 'spanLabel' | 'outOfOrder'> {
  const top = layoutLabels(
    key.moments.map((k) => ({ x: scale.at(k.minute), text: `${k.name} ${k.time}` })),
    undefined,
    true,
  )
  const lanesAbove = top.reduce((n, l) => Math.max(n, l.lane + 1), 0)
  const axisY = 12 + lanesAbove * LANE + (lanesAbove ? 10 : 0)
  const domain = [...walls, ...key.moments.map((k) => k.minute)]
  const [lo, hi] = [Math.min(...domain), Math.max(...domain)]
  const multiDay = Math.floor(lo / 1440) !== Math.floor(hi / 1440)
  const stamp = (m: number): string =>
    `${multiDay ? `${known ? dayLabel(m) : `Day ${Math.floor(m / 1440) - Math.floor(lo / 1440) + 1}`} ` : ''}${utcTime(m * 60_000)}`
  const ends =
    lo === hi
      ? [{ x: scale.at(lo), text: stamp(lo), anchor: 'middle' as const }]
      : [
          { x: 0, text: stamp(lo), anchor: 'start' as const },
          { x: 1, text: stamp(hi), anchor: 'end' as const },
        ]
  const below = layoutLabels([...ends, ...scale.breaks.map((b) => ({ x: (b.from + b.to) / 2, text: `${gapText(b.minutes)} gap`, anchor: 'middle' as const }))])
  const lanesBelow = below.reduce((n, l) => Math.max(n, l.lane + 1), 0)
  const height = axisY + 10 + lanesBelow * LANE + 4
  const window = key.window
    ? { x: percent(scale.at(key.window.from)), width: Math.round((percent(scale.at(key.window.to)) - percent(scale.at(key.window.from))) * 100) / 100 }
    : null
  const parts = [
    key.window
      ? `Impact (shaded) ${utcTime(key.window.from * 60_000)} to ${utcTime(key.window.to * 60_000)}, ${formatMinutes(key.window.to - key.window.from)}.`
      : null,
    key.moments.length ? `${key.moments.map((k) => `${k.name} ${k.time}${k.inferred ? ' (inferred)' : ''}`).join('; ')}.` : null,
    scale.breaks.length ? `Quiet gaps drawn shorter (marked ≈): ${scale.breaks.map((b) => gapText(b.minutes)).join(', ')}.` : null,
  ]
  return {
    height,
    axisY,
    segments: scale.segments.map((s) => ({ x1: percent(s.from), x2: percent(s.to) })),
    breaks: scale.breaks.map((b) => ({ x1: percent(b.from), x2: percent(b.to), mid: percent((b.from + b.to) / 2) })),
    window,
    keys: top.map((l, i) => ({ x: percent(l.x), y: axisY - 14 - l.lane * LANE, anchor: l.anchor, text: l.text, inferred: key.moments[i]!.inferred })),
    scaleLabels: below.map((l) => ({ x: percent(l.x), y: axisY + 24 + l.lane * LANE, anchor: l.anchor, text: l.text })),
    caption: parts.filter(Boolean).join(' ') || 'Each mark is a timed event, in time order.',
  }
}
