/**
 * The timeline overview's horizontal scale: linear inside busy stretches, with long quiet gaps cut short and marked
 * as breaks, so a lead-up the day before does not squeeze a 20-minute burst of events into one dot.
 */

/** A quiet gap drawn shorter than its length: its place on the axis (0..1) and how long it really was. */
export interface ScaleBreak {
  /** Start and end of the cut on the axis, 0..1. */
  from: number
  to: number
  minutes: number
}

/** A compressed time scale over a set of wall-clock minutes. */
export interface TimeScale {
  /** Position on the axis (0..1) of a wall-clock minute; outside the domain it is clamped to the ends. */
  at: (minute: number) => number
  /** Busy stretches drawn as solid axis, 0..1. */
  segments: Array<{ from: number; to: number }>
  breaks: ScaleBreak[]
}

/** A gap at least this long (minutes) may be cut. */
const BREAK_MINUTES = 90
/** ... and only when it is this many times the typical (median) gap between moments. */
const BREAK_FACTOR = 3
/** Room for one break on the axis, shrunk when there are many. */
const BREAK_SHARE = 0.08
const BREAKS_TOTAL = 0.3
/** Padding around each busy stretch when the axis has breaks, as a share of all busy minutes. */
const CLUSTER_PAD = 0.1

/** Builds the compressed scale for the given minutes (any order, duplicates allowed). */
export function compressedScale(minutes: number[]): TimeScale {
  const points = [...new Set(minutes.filter(Number.isFinite))].sort((a, b) => a - b)
  if (points.length < 2) return { at: () => 0.5, segments: [{ from: 0, to: 1 }], breaks: [] }
  const gaps = points.slice(1).map((p, i) => p - points[i]!)
  const median = [...gaps].sort((a, b) => a - b)[Math.floor((gaps.length - 1) / 2)]!
  const cut = gaps.map((g) => g >= BREAK_MINUTES && g >= BREAK_FACTOR * Math.max(median, 1))
  const clusters: Array<{ start: number; end: number }> = [{ start: points[0]!, end: points[0]! }]
  points.slice(1).forEach((p, i) => {
    if (cut[i]) clusters.push({ start: p, end: p })
    else clusters[clusters.length - 1]!.end = p
  })
  const breakCount = clusters.length - 1
  if (breakCount === 0) {
    const [lo, hi] = [points[0]!, points[points.length - 1]!]
    return { at: (m) => Math.min(1, Math.max(0, (m - lo) / (hi - lo))), segments: [{ from: 0, to: 1 }], breaks: [] }
  }
  const share = Math.min(BREAK_SHARE, BREAKS_TOTAL / breakCount)
  const busy = clusters.reduce((sum, c) => sum + (c.end - c.start), 0)
  const pad = busy > 0 ? busy * CLUSTER_PAD : 1
  const weights = clusters.map((c) => c.end - c.start + pad)
  const total = weights.reduce((a, b) => a + b, 0)
  const room = 1 - share * breakCount
  const placed: Array<{ start: number; end: number; from: number; to: number }> = []
  let x = 0
  clusters.forEach((c, i) => {
    const width = (room * weights[i]!) / total
    placed.push({ ...c, from: x, to: x + width })
    x += width + share
  })
  const inside = (c: (typeof placed)[number], m: number): number => c.from + ((c.to - c.from) * (pad / 2 + (m - c.start))) / (c.end - c.start + pad)
  const at = (m: number): number => {
    if (m <= placed[0]!.start) return inside(placed[0]!, placed[0]!.start)
    for (let i = 0; i < placed.length; i++) {
      const c = placed[i]!
      if (m <= c.end) return inside(c, m)
      const next = placed[i + 1]
      if (next && m < next.start) {
        const [a, b] = [inside(c, c.end), inside(next, next.start)]
        return a + ((b - a) * (m - c.end)) / (next.start - c.end)
      }
    }
    const last = placed[placed.length - 1]!
    return inside(last, last.end)
  }
  const breaks = placed.slice(1).map((c, i) => ({ from: placed[i]!.to, to: c.from, minutes: c.start - placed[i]!.end }))
  return { at, segments: placed.map((c) => ({ from: c.from, to: c.to })), breaks }
}

/** A text label to place beside the axis at a position, lined up so it stays inside the axis. */
export interface LabelInput {
  /** Position on the axis, 0..1. */
  x: number
  text: string
  anchor?: 'start' | 'middle' | 'end'
}

/** A label with its lane (0 nearest the axis) and text anchor. */
export interface PlacedLabel extends LabelInput {
  anchor: 'start' | 'middle' | 'end'
  lane: number
}

/** The narrowest axis the labels must fit without overlap (px): a 375 px phone less the page padding. */
export const NARROWEST_AXIS_PX = 300
/** A conservative width per character (px) at the labels' 13 px size, wide enough for DejaVu Sans digits. */
const CHAR_PX = 8.4
const LABEL_GAP_PX = 8

/** Estimated extent of a label on an axis `width` px wide. */
function extent(label: PlacedLabel, width: number): { left: number; right: number } {
  const w = label.text.length * CHAR_PX
  const p = label.x * width
  if (label.anchor === 'start') return { left: p, right: p + w }
  if (label.anchor === 'end') return { left: p - w, right: p }
  return { left: p - w / 2, right: p + w / 2 }
}

/**
 * Puts labels into lanes so no two in a lane overlap on the narrowest axis. Extents grow apart as the axis widens
 * (positions scale, text widths do not), so labels that do not overlap at the narrowest width never overlap wider.
 * With `leaders` (a line from each label down to the axis at its position), a label also takes the lowest lane and
 * alignment where its line crosses no label below it and no line from above crosses it, when there is one.
 */
export function layoutLabels(labels: LabelInput[], width = NARROWEST_AXIS_PX, leaders = false): PlacedLabel[] {
  const withAnchor = labels.map((l) => {
    const label = { ...l, anchor: l.anchor ?? (l.x <= 0.5 ? 'start' : 'end'), lane: 0 } as PlacedLabel
    // A centred label that would stick out of the axis at either end is aligned to that end instead.
    const { left, right } = extent(label, width)
    if (label.anchor === 'middle' && left < 0) label.anchor = 'start'
    else if (label.anchor === 'middle' && right > width) label.anchor = 'end'
    return label
  })
  // Left-aligned labels go right to left and the rest left to right, so a label stacked higher tends to sit further
  // out, where its leader line (from its own position down to the axis) runs through no label below it.
  const rank = (l: PlacedLabel): number => (l.anchor === 'start' ? -l.x : 1 + extent(l, width).left / width)
  const placed: PlacedLabel[] = []
  const covers = (l: PlacedLabel, x: number): boolean => {
    const e = extent(l, width)
    return e.left - LABEL_GAP_PX / 2 <= x * width && x * width <= e.right + LABEL_GAP_PX / 2
  }
  const clashes = (l: PlacedLabel): boolean =>
    placed.some((p) => {
      if (p.lane !== l.lane) return false
      const [a, b] = [extent(p, width), extent(l, width)]
      return a.left < b.right + LABEL_GAP_PX && b.left < a.right + LABEL_GAP_PX
    })
  const crosses = (l: PlacedLabel): boolean => placed.some((p) => (p.lane < l.lane && covers(p, l.x)) || (p.lane > l.lane && covers(l, p.x)))
  const fits = (l: PlacedLabel): boolean => {
    const e = extent(l, width)
    return e.left >= 0 && e.right <= width
  }
  for (const label of [...withAnchor].sort((a, b) => rank(a) - rank(b))) {
    const anchors = leaders && label.anchor !== 'middle' ? ([label.anchor, label.anchor === 'start' ? 'end' : 'start'] as const) : [label.anchor]
    const lanes = placed.length + 1
    let chosen: { lane: number; anchor: PlacedLabel['anchor'] } | null = null
    for (let lane = 0; lane < lanes && !chosen && leaders; lane++) {
      for (const anchor of anchors) {
        const trial = { ...label, lane, anchor }
        if ((anchor === label.anchor || fits(trial)) && !clashes(trial) && !crosses(trial)) {
          chosen = { lane, anchor }
          break
        }
      }
    }
    for (let lane = 0; lane < lanes && !chosen; lane++) if (!clashes({ ...label, lane })) chosen = { lane, anchor: label.anchor }
    label.lane = chosen!.lane
    label.anchor = chosen!.anchor
    placed.push(label)
  }
  return withAnchor
}
