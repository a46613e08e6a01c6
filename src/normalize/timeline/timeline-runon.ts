/**
 * Run-on timelines: entries written one after another on one line (`2100hrs WAT: Detected. 2105hrs WAT: Curl
 * shows ...`). The first entry's stamp, digits generalised, is the shape every later entry repeats.
 */
import type { Stamp } from './timeline-stamp.js'

const MAX_HEAD = 40
const MAX_SEGMENTS = 200

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * The shape of the stamp that opens `line` (`\d{1,4}hrs WAT: `), or null when it is too plain to recognise
 * inside prose: it must carry a zone, a date or a written suffix, not only digits and a colon.
 */
export function stampShape(line: string, stamp: Stamp): RegExp | null {
  if (!stamp.time || !stamp.rest) return null
  const at = line.indexOf(stamp.rest.slice(0, 20))
  if (at <= 0) return null
  const head = line.slice(0, at).replace(/^[\s*_`>•-]+/, '')
  if (!head || head.length > MAX_HEAD || !/\d/.test(head[0]!) || !/\p{L}/u.test(head)) return null
  const pattern = escape(head)
    .replace(/\d+/g, (d) => `\\d{1,${d.length}}`)
    .replace(/\s+/g, '\\s{1,3}')
  return new RegExp(`(?<=\\s)${pattern}`, 'gu')
}

/** The line cut before every later occurrence of the shape; one segment when it does not recur. */
export function splitRunOn(line: string, shape: RegExp): string[] {
  const cuts: number[] = []
  for (const m of line.matchAll(shape)) {
    if (m.index > 0) cuts.push(m.index)
    if (cuts.length >= MAX_SEGMENTS) break
  }
  if (cuts.length === 0) return [line]
  return [0, ...cuts].map((from, i) => line.slice(from, cuts[i] ?? line.length).trim()).filter(Boolean)
}
