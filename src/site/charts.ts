/** One labelled value of a chart. */
export interface Point {
  label: string
  value: number
}

/** Geometry of an SVG bar chart, computed at build time so the template only draws it. */
export interface BarChart {
  id: string
  title: string
  /** Text alternative: what the chart shows, in one sentence. */
  description: string
  width: number
  height: number
  baseline: number
  bars: Array<{ x: number; y: number; width: number; height: number; label: string; value: number; labelX: number; showLabel: boolean }>
  grid: Array<{ y: number; value: number }>
  points: Point[]
}

const WIDTH = 800
const HEIGHT = 260
const LEFT = 40
const RIGHT = 8
const TOP = 12
const BOTTOM = 48

/** A round step for grid lines so that at most five lines cover `max`. */
function gridStep(max: number): number {
  for (const base of [1, 2, 5]) {
    for (let scale = 1; scale <= 1e9; scale *= 10) if (max / (base * scale) <= 5) return base * scale
  }
  return max
}

/** Lays out a vertical bar chart; labels thin out so they never overlap, and the data table keeps every value. */
export function barChart(id: string, title: string, description: string, points: Point[]): BarChart {
  const max = Math.max(1, ...points.map((p) => p.value))
  const plot = HEIGHT - TOP - BOTTOM
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, points.length)
  const every = Math.max(1, Math.ceil(points.length / 12))
  const r = (n: number): number => Math.round(n * 10) / 10
  const bars = points.map((p, i) => {
    const h = (p.value / max) * plot
    return { x: r(LEFT + i * slot + slot * 0.1), y: r(TOP + plot - h), width: r(Math.max(1, slot * 0.8)), height: r(h), label: p.label, value: p.value, labelX: r(LEFT + i * slot + slot / 2), showLabel: i % every === 0 }
  })
  const step = gridStep(max)
  const grid = []
  for (let v = 0; v <= max; v += step) grid.push({ y: r(TOP + plot - (v / max) * plot), value: v })
  return { id, title, description, width: WIDTH, height: HEIGHT, baseline: TOP + plot, bars, grid, points }
}
