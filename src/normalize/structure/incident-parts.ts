/**
 * Several incidents in one document (a monthly report, a status page's history: `## Incident 1: …`, `## March 3 —
 * API outage`, `## March 9 — DNS failure`): the headings that open each, so the record's when can be the first's
 * and the author told that the others are only on the page.
 */
import type { RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'
import { findDates } from '../time/datetime.js'
import type { Block, HeadingBlock } from './blocks.js'

/** A heading that opens one incident of several, with its place in the block list. */
export interface IncidentPart {
  index: number
  heading: HeadingBlock
}

/** `Incident 2: DNS failure`, `Outage #3 - …`: a numbered incident. */
const NUMBERED = /^(?:incident|outage|event|disruption)\s{0,3}(?:#|no\.?\s?)?\s{0,2}\d{1,3}\b(?!\s*[:.]\d)/i
/** After a date, a separator and the incident's subject (`— API outage`, `: Elevated errors`). */
const SUBJECT = /^\s{0,3}(?:\(\w{3,9}\)\s{0,3})?[-–—:|]\s{0,3}(\S.{2,120})$/
/** After a date, a time and how long it lasted, as monthly availability reports head each incident (`March 2 12:32 UTC (lasting 1 hour)`). */
const LASTING = /^,?\s{1,3}\d{1,2}:\d{2}\s{0,3}(?:[A-Z]{2,5}\s{0,3})?\(\s{0,2}(?:lasting|duration)\b/i
/** Words that name a failure, so a dated heading is an incident rather than one day of a story (`Fix released`). */
const FAILURE =
  /\b(?:outages?|incidents?|down(?:time)?|degrad\w*|disruptions?|errors?|failures?|failing|unavailab\w*|latency|slow\w*|interruptions?|breach|leak|ausfall|störung|panne|incidente|caída)\b/i

/** Whether a heading opens an incident: numbered, or a date followed by a subject that names a failure. */
function opensIncident(text: string): string | null {
  const written = text.replace(/[*_`]/g, '').trim()
  if (NUMBERED.test(written)) return 'numbered'
  const date = written.length <= 160 ? findDates(written.slice(0, 60))[0] : undefined
  if (!date || date.index !== 0) return null
  const rest = written.slice(date.text.length)
  const subject = SUBJECT.exec(rest)?.[1]
  return (subject && FAILURE.test(subject)) || LASTING.test(rest) ? `${date.year ?? ''}-${date.month}-${date.day}` : null
}

/** Whether a timeline (or another section) encloses the heading at `index`: its day headings are a story, not incidents. */
function insideTimeline(blocks: Block[], index: number, depth: number): boolean {
  let level = depth
  for (let i = index - 1; i >= 0 && level > 1; i--) {
    const b = blocks[i]!
    if (b.kind !== 'heading' || b.depth >= level) continue
    if (b.match?.key === 'timeline' || /\btimeline\b/i.test(b.text)) return true
    level = b.depth
  }
  return false
}

/**
 * The headings that open each of two or more incidents: sibling headings at one depth outside any timeline, each
 * numbered or dated with a failure subject, dated ones on different days. Empty for a document of one incident.
 */
export function findIncidentParts(blocks: Block[], titleIndex: number | null): IncidentPart[] {
  const found: Array<IncidentPart & { key: string }> = []
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'heading' || index === titleIndex || block.origin === 'bare') continue
    const key = opensIncident(block.text)
    if (!key || insideTimeline(blocks, index, block.depth)) continue
    found.push({ index, heading: block, key })
  }
  const depth = found[0]?.heading.depth
  const siblings = found.filter((p) => p.heading.depth === depth)
  const days = new Set(siblings.map((p) => p.key))
  if (siblings.length < 2 || (siblings.some((p) => p.key !== 'numbered') && days.size < siblings.length)) return []
  return siblings.map(({ index, heading }) => ({ index, heading }))
}

/** Tells the author the file holds several incidents and that the record's date, window and timeline are the first's. */
export function reportIncidentParts(file: VFile, parts: IncidentPart[]): void {
  const second = parts[1]
  if (!second) return
  const name = second.heading.text.length > 60 ? `${second.heading.text.slice(0, 59)}…` : second.heading.text
  report(
    file,
    'warning',
    `This file holds ${parts.length} incidents; the record's date, impact window and timeline are the first's, and \`${name}\` and the others are kept on the page only. Give each incident its own file`,
    { line: second.heading.line, column: second.heading.column },
    RULE.multipleIncidents,
  )
}

/** A place in the document made of nodes (a timeline location). */
interface Located {
  nodes: RootContent[]
}

/** What the record reads of a document of several incidents: the first's blocks, and places cut to the first's nodes. */
export interface FirstIncident {
  blocks: Block[]
  within: <T extends Located>(places: T[]) => T[]
}

/** The first incident's blocks and timeline places (a place that runs on past it is cut there); the whole document when it holds one. */
export function firstIncident(blocks: Block[], titleIndex: number | null, file: VFile): FirstIncident {
  const parts = findIncidentParts(blocks, titleIndex)
  reportIncidentParts(file, parts)
  const cut = parts[1]?.heading.line
  if (cut === undefined) return { blocks, within: (places) => places }
  const before = (node: RootContent): boolean => (node.position?.start.line ?? 0) < cut
  return {
    blocks: blocks.slice(0, parts[1]!.index),
    within: (places) => places.flatMap((p) => (p.nodes[0] && before(p.nodes[0]) ? [{ ...p, nodes: p.nodes.filter(before) }] : [])),
  }
}
