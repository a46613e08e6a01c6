/**
 * First pass over a timeline section: every list item, table row and plain line that opens with a date or time
 * becomes a piece, and so do the day and zone markers (day sub-headings, bare date lines, prefaces) between them.
 */
import type { List, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { cleanEventText } from '../time/event-text.js'
import { findDates, type DateHints, type ParsedDate } from '../time/datetime.js'
import { codeEntryLines } from './timeline-code.js'
import { innerClock } from './timeline-prose.js'
import { htmlLines, paragraphLines, type TextLine } from './timeline-lines.js'
import { STATUS_LEAD, statusLeadState } from './timeline-headings.js'
import { splitRunOn, stampShape } from './timeline-runon.js'
import { isDayLine, readStamp, type Stamp } from './timeline-stamp.js'
import { readChatLine } from './timeline-chat.js'
import { readElapsed } from './timeline-elapsed.js'
import { readTable } from './timeline-table.js'
import { findZone, type ParsedZone } from '../time/zones.js'
import { readMonthStamp } from '../time/month-stamp.js'
import { bareDay, firstLineOf, headingLine, itemLead, untimedItems, withoutClosingStamp } from './timeline-items.js'
import { collapseSpaces } from '../collapse-spaces.js'
import { mergeByLine } from './merge-untimed.js'

/** What the first pass finds, in document order. */
export type Piece =
  | { kind: 'entry'; stamp: Stamp; text: string; line: number; column: number; detail?: string; chat?: boolean }
  | { kind: 'untimed'; text: string; line: number; column: number }
  | { kind: 'month'; month: string; text: string; line: number; column: number }
  | { kind: 'day'; date: ParsedDate; line: number; column: number }
  | { kind: 'zone'; zone: ParsedZone }

const MAX_DEPTH = 12
const MAX_PIECES = 10_000
/** Characters of a time heading's later paragraphs kept as its detail. */
const MAX_DETAIL = 1000
/** What may follow a heading's stamp without being its text (`Uhr:`, `h`, `:`). */
const SUFFIX_ONLY = /^[\p{L}.:]{0,5}$/u

/** The first non-blank line of a code block, its own stamp dropped, bounded: the text of a time heading with only code under it. */
function firstCodeLine(value: string, hints: DateHints): string {
  const line = /\S[^\n]{0,300}/.exec(value.slice(0, 2000))?.[0].trim() ?? ''
  const stamp = line ? readStamp(line, hints) : null
  return (stamp && (stamp.time || stamp.date) ? stamp.rest : line.replace(SHELL_PROMPT, '')).slice(0, 200)
}

/** A shell prompt before a command (`user@host:~$ `, `$ `, `# `): the command is the text. */
const SHELL_PROMPT = /^(?:[\w.-]{1,40}@[\w.-]{1,80}(?::[^\s$#]{0,100})?\s?[$#%>]|[$#%>])\s+/

/** A list number glued to the time of a line that became a lazy continuation (`10.12:30 PM: ...`). */
const GLUED_NUMBER = /^\d{1,3}[.)](?=\d{1,2}[:h.]?\d{2})/

/** A line ending in a word that leads into a time (`... waited until`): the next line's time continues it. */
const CONNECTOR_END = /\b(?:at|until|till|by|before|after|around|about|from|to|and|since|between|of|on|the)$/i

/** The stamp of a wrapped line that is really its own entry: a clock time followed by at least two words. */
function gluedStamp(text: string, hints: DateHints): Stamp | null {
  const stamp = readStamp(text.replace(GLUED_NUMBER, ''), hints)
  if (!stamp?.time || !/\d[:h]\d|[ap]\.?m/i.test(stamp.time.text)) return null
  return /\p{L}+\W+\p{L}+/u.test(stamp.rest) ? stamp : null
}

/** Whether the nodes after a heading, up to the next heading, hold a line or item that opens with a time. */
function timedBelow(nodes: RootContent[], index: number, hints: DateHints): boolean {
  const opensTimed = (text: string): boolean => {
    const stamp = readStamp(text.replace(STATUS_LEAD, ''), hints)
    return stamp !== null && (stamp.time !== null || stamp.timeUnknown)
  }
  for (let i = index + 1, seen = 0; i < nodes.length && seen < 50; i++, seen++) {
    const node = nodes[i]!
    if (node.type === 'heading') return opensTimed(toString(node)) && readStamp(toString(node), hints)?.date == null
    if (node.type === 'list' && node.children.some((item) => opensTimed(toString(item).split('\n')[0] ?? ''))) return true
    if (node.type === 'paragraph' && toString(node).split('\n').some(opensTimed)) return true
    if (node.type === 'table' || node.type === 'html') return true
  }
  return false
}

/** Whether a text leaves an angle bracket open (`<START OF` wrapped before `OUTAGE>`): the next line finishes it. */
function unclosed(text: string): boolean {
  const open = text.lastIndexOf('<')
  return open >= 0 && text.indexOf('>', open) < 0
}

/** Walks the section's nodes; `heading` finds the section inside a raw HTML block; `fences` reads plain-text fences. */
export function collectPieces(nodes: RootContent[], hints: DateHints, heading: string, fences = false): Piece[] {
  const pieces: Piece[] = []
  let pending: { text: string } | null = null
  const push = (piece: Piece): void => {
    if (pieces.length < MAX_PIECES) pieces.push(piece)
  }
  const markers = (text: string, line: number, column: number): void => {
    const date = findDates(text, hints).find((d) => d.year !== null)
    if (date) push({ kind: 'day', date, line, column })
    const zone = findZone(text)
    if (zone) push({ kind: 'zone', zone })
  }
  const entry = (stamp: Stamp, text: string, line: number, column: number): Extract<Piece, { kind: 'entry' }> => {
    const piece = { kind: 'entry' as const, stamp, text, line, column }
    push(piece)
    return piece
  }

  // `open` is the entry a wrapped line may continue: the one on the line just above, in the same paragraph.
  let open: { text: string; line: number } | null = null
  // `body` is the entry a bare stamp's paragraph fills, and the line that paragraph has reached.
  let body: { piece: { text: string }; line: number } | null = null
  // `under` is the entry of the last time heading: the paragraphs after its first one are its detail (read for impact words).
  let under: { detail?: string } | null = null
  // `dated` marks a heading with a date and no time whose section holds no timed lines: an update, not a day marker.
  // `dayEntry` is the entry of such a heading with only a date: each untimed bullet of the list under it is an event of that day.
  let dayEntry: Extract<Piece, { kind: 'entry' }> | null = null
  // `timeHeading` is the entry of the time heading whose section is being read: timed sub-bullets under it are its detail.
  let timeHeading: { detail?: string } | null = null
  let shape: RegExp | null = null
  const textLine = (l: TextLine, heading = false, dated = false): void => {
    if (heading) return lineOf(l, true, dated)
    const first = readStamp(l.text, hints)
    shape = (first && stampShape(l.text, first)) ?? shape
    if (shape) for (const text of splitRunOn(l.text, shape)) lineOf({ ...l, text })
    else lineOf(l)
  }
  // The state a status lead named (`Resolved - Aug 28, 14:20`): the words of its update, read later, follow it.
  const states = new Map<{ text: string }, string>()
  const lineOf = (l: TextLine, heading = false, dated = false): void => {
    const read = readStamp(l.text.replace(STATUS_LEAD, ''), hints)
    // A chat line (`[10:01] <ann> hi`) is an event only where the section holds nothing else: else it quotes the talk.
    const chat = heading ? null : readChatLine(l.text, read, hints)
    const stamp = chat ?? read ?? (heading ? null : readElapsed(l.text, hints))
    const continues =
      open !== null && open.line + 1 === l.line && !/[.!?]$/.test(open.text) && (/^[\p{Ll}(@#"“<]/u.test(l.text) || /,$/.test(open.text) || unclosed(open.text))
    open = null
    const filling = body
    body = null
    if (heading) timeHeading = null
    if (stamp && isDayLine(stamp) && !dated) {
      pending = null
      push({ kind: 'day', date: stamp.date!, line: l.line, column: l.column })
      // A zone written with the day (`**2024-05-01 (UTC)**`) is the zone of the times under it.
      if (stamp.zone) push({ kind: 'zone', zone: stamp.zone })
      markers(stamp.rest, l.line, l.column)
    } else if (stamp && (!heading || stamp.time || stamp.timeUnknown || dated)) {
      const bare = !stamp.rest || (heading && SUFFIX_ONLY.test(stamp.rest))
      const piece = entry(stamp, bare ? '' : stamp.rest, l.line, l.column)
      if (chat) piece.chat = true
      const state = stamp === read ? statusLeadState(l.text) : null
      if (state) states.set(piece, state)
      under = heading ? piece : null
      pending = bare ? piece : null
      dayEntry = heading && dated && !stamp.time && !stamp.timeUnknown ? piece : null
      timeHeading = heading && (stamp.time || stamp.timeUnknown) ? piece : null
      open = heading || bare ? null : { ...piece, line: l.line }
    } else if (!stamp && !heading && filling && filling.line + 1 === l.line) {
      // The rest of the paragraph under a bare stamp (a time heading over hard-wrapped lines) is the same event.
      filling.piece.text += ` ${collapseSpaces(l.text)}`
      body = { piece: filling.piece, line: l.line }
    } else if (pending && !heading && /\p{L}/u.test(l.text)) {
      pending.text = cleanEventText(l.text)
      body = { piece: pending, line: l.line }
      pending = null
    } else if (continues && !heading) {
      const last = pieces[pieces.length - 1]
      if (last?.kind === 'entry') last.text += ` ${collapseSpaces(l.text)}`
      open = last?.kind === 'entry' ? { text: last.text, line: l.line } : null
    } else {
      if (heading) pending = under = null
      else if (under && (under.detail?.length ?? 0) < MAX_DETAIL) under.detail = `${under.detail ?? ''} ${l.text}`.slice(0, MAX_DETAIL)
      markers(l.text, l.line, l.column)
    }
  }

  /** Adds a sub-bullet's text to the detail of the time heading it sits under (read for impact words, not an event). */
  const detail = (of: { detail?: string }, text: string): void => {
    if ((of.detail?.length ?? 0) < MAX_DETAIL) of.detail = `${of.detail ?? ''} ${text}`.slice(0, MAX_DETAIL)
  }

  // `label` is the parent item's text: a nested item that is only a stamp (`**Detected:**` over `- 10:15 AM`) takes it.
  // `detailOf` is the time heading over the list: a timed sub-bullet ("- Impact" over "  - Tokyo 22:09 ~ 23:10") is its detail.
  const list = (node: List, depth: number, label = '', detailOf: { detail?: string } | null = null, dated = false): boolean => {
    let timed = false
    const untimed: Piece[] = []
    const from = pieces.length
    for (const item of node.children) {
      if (pieces.length >= MAX_PIECES) break
      const [first, second] = item.children
      const all = first?.type === 'paragraph' ? paragraphLines(first) : first?.type === 'heading' ? headingLine(first) : []
      const glued = all.findIndex((l, i) => i > 0 && !CONNECTOR_END.test(all[i - 1]!.text) && gluedStamp(l.text, hints) !== null)
      const lines = glued > 0 ? all.slice(0, glued) : all
      const text = lines.map((l) => l.text).join(' ')
      const line = item.position?.start.line ?? lines[0]?.line ?? 1
      const column = item.position?.start.column ?? 1
      const read = text ? readStamp(text, hints) : null
      const stamp = (text ? readChatLine(text, read, hints) : null) ?? read ?? (text ? readElapsed(text, hints) : null)
      const nested = item.children.filter((c): c is List => c.type === 'list')
      if (stamp && !isDayLine(stamp) && detailOf && depth > 0) {
        detail(detailOf, text)
        continue
      }
      if (stamp && !isDayLine(stamp)) {
        const next = stamp.rest || (second ? firstLineOf(second) : '') || label
        entry(stamp, next, line, column)
        timed = true
        open = null
        // Lines the item swallowed that open with their own time (a lazy continuation, `10.12:30 PM`) are entries.
        if (glued > 0) for (const l of all.slice(glued)) textLine({ ...l, text: l.text.replace(GLUED_NUMBER, '') })
        continue
      }
      const day = stamp?.date ?? (nested.length ? bareDay(text, hints) : null)
      if (day) push({ kind: 'day', date: day, line, column })
      if (stamp?.zone) push({ kind: 'zone', zone: stamp.zone })
      if (text) markers(stamp ? stamp.rest : text, line, column)
      let childTimed = false
      const childLabel = stamp ? '' : text.replace(/[\s:：]+$/, '').slice(0, 200)
      if (depth < MAX_DEPTH) for (const child of nested) childTimed = list(child, depth + 1, childLabel, detailOf) || childTimed
      if (childTimed) timed = true
      else if (text && !stamp) {
        // An item that names its time inside the sentence (`Escalated at 11:30 AM`) is an event too.
        const inner = innerClock(text, hints)
        const month = inner ? null : readMonthStamp(text)
        if (inner && detailOf && depth > 0) detail(detailOf, text)
        else if (inner) entry({ ...inner, rest: text }, withoutClosingStamp(text, hints), line, column)
        else if (month) {
          push({ kind: 'month', month: month.month, text: month.rest, line, column })
          timed = true
        } else untimed.push({ kind: 'untimed', text, line, column })
      }
    }
    // A list straight under a day line (`2019-02-18:`) is that day's events, timed or not.
    if (timed || dated) mergeByLine(pieces, from, untimed)
    return timed
  }

  const walk = (children: RootContent[], depth: number): void => {
    for (const [index, node] of children.slice(0, MAX_PIECES).entries()) {
      if (pending && node.type === 'list') {
        pending.text = node.children[0] ? itemLead(node.children[0]) : ''
        // Sibling bullets under a heading that names only a day ("### 2024-04-15", two bullets): one event each, not one.
        const day = pending === dayEntry && dayLayout ? dayEntry : null
        if (day)
          for (const [i, text] of untimedItems(node, hints).entries()) {
            const item = node.children[i]!
            if (i > 0) entry(day.stamp, text, item.position?.start.line ?? day.line, item.position?.start.column ?? day.column)
          }
      }
      if (node.type !== 'list' || pending !== dayEntry) dayEntry = null
      if (node.type !== 'paragraph' && node.type !== 'html' && node.type !== 'code') pending = null
      open = null
      if (node.type === 'heading')
        textLine(
          { text: toString(node), line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
          true,
          !timedBelow(children, index, hints),
        )
      else if (node.type === 'paragraph') for (const l of paragraphLines(node).slice(0, MAX_PIECES)) textLine(l)
      else if (node.type === 'list') list(node, 0, '', timeHeading, pieces[pieces.length - 1]?.kind === 'day')
      else if (node.type === 'blockquote' && depth < MAX_DEPTH) walk(node.children, depth + 1)
      else if (node.type === 'html') for (const l of sectionOf(htmlLines(node), heading)) textLine(l, l.heading)
      else if (node.type === 'code') {
        const lines = codeEntryLines(node, hints, fences)
        for (const l of lines) textLine(l)
        // A time heading over a code block and no prose: the block's first line says what happened (a paragraph after it still wins).
        if (pending && !pending.text && lines.length === 0) pending.text = firstCodeLine(node.value, hints)
      } else if (node.type === 'table') {
        const table = readTable(node, hints)
        if (!table) continue
        if (table.zone) push({ kind: 'zone', zone: table.zone })
        for (const row of table.entries) {
          const month = row.month ? { month: row.month, rest: row.text } : row.stamp ? null : readMonthStamp(row.text)
          // A row with a date and nothing else (`| 2023-03-03 | |`) is the day of the rows below it.
          if (row.stamp && !row.text && isDayLine(row.stamp)) push({ kind: 'day', date: row.stamp.date!, line: row.line, column: row.column })
          else if (row.stamp) entry(row.stamp, row.text, row.line, row.column)
          else if (!row.text) continue
          else if (month) push({ kind: 'month', month: month.month, text: month.rest, line: row.line, column: row.column })
          else push({ kind: 'untimed', text: row.text, line: row.line, column: row.column })
        }
      }
    }
  }
  // Day headings over event bullets: some heading names only a day over timed lines, and none names a time (an update's).
  const headings = nodes.flatMap((n, i) => (n.type === 'heading' ? [{ i, stamp: readStamp(toString(n).replace(STATUS_LEAD, ''), hints) }] : []))
  const dayLayout = !headings.some((h) => h.stamp?.time || h.stamp?.timeUnknown) && headings.some((h) => h.stamp?.date && timedBelow(nodes, h.i, hints))
  walk(nodes, 0)
  for (const [piece, state] of states) piece.text = piece.text ? `${state} - ${piece.text}` : state
  return pieces.some((p) => p.kind === 'entry' && !p.chat) ? pieces.filter((p) => p.kind !== 'entry' || !p.chat) : pieces
}

function sectionOf(lines: TextLine[], heading: string): TextLine[] {
  const norm = (s: string): string =>
    s
      .slice(0, 300)
      .toLowerCase()
      .replace(/[:\s]+$/, '')
      .trim()
  const start = lines.findIndex((l) => l.heading && norm(l.text) === norm(heading))
  if (start < 0) return lines
  const end = lines.findIndex((l, i) => i > start && l.heading)
  return lines.slice(start + 1, end < 0 ? undefined : end)
}
