/** One labelled value of a chart, with the page that lists its incidents when there is one. */
export interface Point {
  label: string
  value: number
  /** Site-relative path of a page listing the incidents behind the value (`years/2024/`). */
  href?: string
}

/** One bar: x and width in percent of the chart's width (text keeps its size on a phone), y and height in px. */
export interface Bar {
  x: number
  y: number
  width: number
  height: number
  label: string
  value: number
  href: string | null
  labelX: number
  /** Where its axis label shows: on every screen, only on wide ones, or not at all (the data table has it). */
  show: 'always' | 'wide' | 'never'
  anchor: 'start' | 'middle' | 'end'
}

/** Geometry of an SVG bar chart, computed at build time so the template only draws it. */
export interface BarChart {
  id: string
  title: string
  /** Text alternative: what the chart shows, in one sentence. */
  description: string
  height: number
  baseline: number
  bars: Bar[]
  grid: Array<{ y: number; value: number }>
  points: Point[]
  /** True when bars link to the incidents behind them. */
  linked: boolean
}

const HEIGHT = 220
const TOP = 20
const BOTTOM = 30
/** Axes the labels must fit: a 375 px phone's and a desktop page's, less padding (px). */
const NARROW_PX = 300
const WIDE_PX = 720
/** A conservative width per character at the labels' 13 px size (px), and the space kept between labels. */
const CHAR_PX = 8.4
const GAP_PX = 10

/** A round step for grid lines so that at most four lines cover `max`. */
function gridStep(max: number): number {
  for (let scale = 1; scale <= 1e9; scale *= 10) {
    for (const base of [1, 2, 5]) if (max / (base * scale) <= 4) return base * scale
  }
  return max
}

/** Every how many bars a label fits on an axis `width` px wide. */
const labelEvery = (points: Point[], width: number): number => {
  const widest = Math.max(1, ...points.map((p) => p.label.length)) * CHAR_PX + GAP_PX
  return Math.max(1, Math.ceil(widest / (width / Math.max(1, points.length))))
}

/**
 * Lays out a vertical bar chart in percent of its width: labels thin out so they never overlap on a phone, more of
 * them show on wide screens, the ones at the ends align inward so none is clipped, and the data table keeps every value.
 */
export function barChart(id: string, title: string, description: string, points: Point[]): BarChart {
  const max = Math.max(1, ...points.map((p) => p.value))
  const plot = HEIGHT - TOP - BOTTOM
  const slot = 100 / Math.max(1, points.length)
  const wide = labelEvery(points, WIDE_PX)
  // A multiple of the wide step, so the labels shown only on wide screens fall between those always shown.
  const narrow = Math.ceil(labelEvery(points, NARROW_PX) / wide) * wide
  const r = (n: number): number => Math.round(n * 100) / 100
  const bars = points.map((p, i): Bar => {
    const h = (p.value / max) * plot
    const center = i * slot + slot / 2
    const half = ((p.label.length * CHAR_PX) / 2 / NARROW_PX) * 100
    const anchor = center - half < 0 ? 'start' : center + half > 100 ? 'end' : 'middle'
    const labelX = anchor === 'start' ? i * slot : anchor === 'end' ? (i + 1) * slot : center
    const show = i % narrow === 0 ? 'always' : i % wide === 0 ? 'wide' : 'never'
    return {
      x: r(i * slot + slot * 0.1),
      y: r(TOP + plot - h),
      width: r(slot * 0.8),
      height: r(h),
      label: p.label,
      value: p.value,
      href: p.href ?? null,
      labelX: r(labelX),
      show,
      anchor,
    }
  })
  const step = gridStep(max)
  const grid = []
  for (let v = 0; v <= max; v += step) grid.push({ y: r(TOP + plot - (v / max) * plot), value: v })
  return { id, title, description, height: HEIGHT, baseline: TOP + plot, bars, grid, points, linked: points.some((p) => p.href) }
}
