/**
 * The text of a prose event: the sentence around its clock time, or the clause of it that holds the time when the
 * sentence joins timed clauses, read across the lines a hard-wrapped sentence spans, without the stamp it opens with.
 */
import { findDates } from '../time/datetime.js'
import { STATUS_LABEL } from './timeline-headings.js'
import type { TextLine } from './timeline-lines.js'
import { allMatches } from '../all-matches.js'
import { collapseSpaces } from '../collapse-spaces.js'
import { isFalseCut } from '../summary/sentences.js'

/** Characters of an event text kept. */
export const MAX_TEXT = 300
/** A written clock time, not a bare number or a decimal: a colon, am/pm, or an `h`/`hrs` suffix. */
export const CLOCK = /\d:\d|\d\s?[ap]\.?m|\dh\d|\dhrs?\b/i
/** A "Posted"/"Updated" cue on a stamp line: a status update's stamp, written below its words. */
export const POSTED_CUE = /\b(?:posted|updated|edited)\b/i

/** A mark that may end a sentence, before a space or the line's end. */
const STOP = /[.!?](?=\s|$)/g
/** Sentence marks looked at on each side of a time. */
const MAX_STOPS = 40
/** Characters looked at on each side of a time: a sentence that starts further back is cut there (only `MAX_TEXT` is kept). */
const WINDOW = 4 * MAX_TEXT

/** Whether the mark ending at `cut` ends a sentence: not after an ordinal ("am 3. März"), an abbreviation or an initial. */
const endsSentence = (line: string, cut: number): boolean => !isFalseCut(line.slice(Math.max(0, cut - 40), cut), line.slice(cut, cut + 40))

/**
 * The sentence of `line` around `index`, whitespace collapsed, looked for within `WINDOW` characters and `MAX_STOPS`
 * marks on each side of it, so that each time costs the same however long its line.
 */
function sentenceAt(line: string, index: number): string {
  const from = Math.max(0, index - WINDOW)
  const marks: number[] = []
  STOP.lastIndex = from
  for (let m = STOP.exec(line); m && m.index < index; m = STOP.exec(line)) marks.push(m.index + 1)
  let start = from
  for (let i = marks.length - 1; i >= 0 && i >= marks.length - MAX_STOPS; i--) {
    if (endsSentence(line, marks[i]!)) {
      start = marks[i]!
      break
    }
  }
  let end = Math.min(line.length, index + WINDOW)
  STOP.lastIndex = index
  for (let m = STOP.exec(line), looked = 0; m && m.index < end && looked < MAX_STOPS; m = STOP.exec(line), looked++) {
    if (endsSentence(line, m.index + 1)) {
      end = m.index + 1
      break
    }
  }
  STOP.lastIndex = 0
  return collapseSpaces(line.slice(start, end)).trim().slice(0, MAX_TEXT)
}

/** A conjunction that joins a second timed clause onto a sentence ("…, and at 14:25 users reported", "and by 16:15 …"). */
const TIMED_JOIN = /(?:[,;]\s*|\s)(?:and|then|but)\s+(?=(?:at|by|around|about|approximately|shortly after)\s+~?\s?\d{1,2}[:.h]?\d{2}|\d{1,2}[:h]\d{2})/gi

/** A "between" before a time and the "and" after it ("between 09:10 and 09:40"). */
const BETWEEN_BEFORE = /\b(?:between|entre|zwischen)\b[^.;!?]{0,60}$/i

/**
 * The clause of `sentence` that holds the time at `at` when the sentence joins timed clauses ("Around 14:10 a migration
 * started and at 14:25 users reported errors": each time its own clause); the sentence as it is otherwise.
 */
function clauseAt(sentence: string, at: number): string {
  let start = 0
  let end = sentence.length
  for (const m of allMatches(TIMED_JOIN, sentence)) {
    // "between 09:10 and 09:40" is one range, not two clauses.
    if (/\d/.test(sentence[m.index + m[0].length] ?? '') && BETWEEN_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index))) continue
    if (m.index + m[0].length <= at) start = m.index + m[0].length
    else if (m.index > at) {
      end = m.index
      break
    }
  }
  return sentence.slice(start, end).trim()
}

/** Words that may lead into a stamp at a sentence's start ("On May 3, 2024, at approximately 22:26 UTC …", "Update 28.08.2022 14:20: …"). */
const LEAD_IN =
  /^(?:\s|,|:|[-–—]|on|at|around|about|approximately|approx\.?|roughly|circa|ca\.|~|just|shortly|after|before|by|the|update[ds]?|posted|status|aktualisierung|nachtrag)*$/i

/**
 * The sentence of a prose event without the stamp it opens with ("On May 3, 2024, at 22:26 UTC the site went down"
 * reads "The site went down"); a sentence whose stamp sits mid-way, or whose rest is not a clause, stays whole.
 */
function withoutLeadingStamp(sentence: string, fromTime: string, rest: string): string {
  const at = sentence.indexOf(fromTime.slice(0, 8).replace(/\s+/g, ' '))
  if (at < 0 || !rest) return sentence
  const lead = sentence.slice(0, at)
  const dates = findDates(lead, {})
  const undated = dates.reduceRight((text, d) => text.slice(0, d.index) + text.slice(d.index + d.text.length), lead)
  if (!LEAD_IN.test(undated)) return sentence
  const tail = collapseSpaces(rest).replace(/^[\s,:;–—-]+/, '')
  const end = tail.search(/[.!?](?:\s|$)/)
  const clause = (end < 0 ? tail : tail.slice(0, end + 1)).trim()
  if (
    !/^\p{L}/u.test(clause) ||
    /^(?:of|in|on|and|or|the\s+(?:following|next|same)\s+(?:day|night|morning|afternoon|evening|week))\b/i.test(clause) ||
    clause.split(' ').length < 3
  )
    return sentence
  // A name written in lower case on purpose (a host `csb0`, `eBay`, `kube-proxy`, `api.example.com`) keeps its case.
  return PLAIN_WORD.test(clause) ? clause[0]!.toUpperCase() + clause.slice(1) : clause
}

/** A clause opening with a plain lower-case word: no digit, capital, dot, hyphen or underscore inside it. */
const PLAIN_WORD = /^\p{Ll}+(?![\p{L}\p{N}._-])/u

/** The text of a prose event: its sentence, or its own clause of it, without the stamp it opens with. */
function ownClause(line: string, index: number, rest: string): string {
  const sentence = sentenceAt(line, index)
  const at = sentence.indexOf(line.slice(index, index + 8).replace(/\s+/g, ' '))
  const clause = at >= 0 ? clauseAt(sentence, at) : sentence
  if (clause === sentence) return withoutLeadingStamp(sentence, line.slice(index, index + 200), rest)
  const from = clause.indexOf(collapseSpaces(rest).slice(0, 12))
  return withoutLeadingStamp(clause, line.slice(index, index + 200), from >= 0 ? clause.slice(from) : '')
}

/** Lines joined onto a hard-wrapped sentence, at most, on either side of the line with the stamp. */
const MAX_WRAP = 3
/** A line that ends its sentence (a closing quote, bracket or emphasis may follow the mark). */
const SENTENCE_END = /[.!?:;]["'”’)*_]*$/
/** A line that opens with a number (a stamp, a list number): an entry of its own, not the rest of a sentence. */
const OWN_ENTRY = /^\W{0,4}\d/

/**
 * The line at `index` with the lines its sentence wraps onto (a hard-wrapped paragraph breaks sentences across
 * lines): the lines above when the stamp sits mid-line in a sentence begun above, and the lines below until the
 * sentence ends; `offset` is where the line starts in `text`.
 */
function wrappedLine(lines: TextLine[], index: number, at: number): { text: string; offset: number } {
  const own = lines[index]!.text
  let text = own
  let offset = 0
  // A wrapped sentence goes on in lower case ("had been\nrolled back at 09:30"); a line opening "Start 14:00" is its own.
  if (at > 0 && /^\p{Ll}/u.test(own) && !/[.!?]\s/.test(own.slice(0, at))) {
    for (let i = index - 1; i >= 0 && i >= index - MAX_WRAP; i--) {
      const prev = lines[i]!.text
      if (SENTENCE_END.test(prev) || OWN_ENTRY.test(prev)) break
      text = `${prev} ${text}`
      offset += prev.length + 1
      if (/[.!?]\s/.test(prev)) break
    }
  }
  for (let i = index + 1; i < lines.length && i <= index + MAX_WRAP && !SENTENCE_END.test(text); i++) {
    const next = lines[i]!.text
    // A wrapped sentence goes on in lower case; a capital opens a new sentence and a clock time a new event.
    if (!/^[\p{Ll}(]/u.test(next) || OWN_ENTRY.test(next) || STATUS_LABEL.test(next) || POSTED_CUE.test(next) || CLOCK.test(next)) break
    text = `${text} ${next}`
  }
  return { text, offset }
}

/** The event text of a stamp at `at` in line `index`: its clause, read across the lines the sentence wraps onto. */
export function wrappedClause(lines: TextLine[], index: number, at: number, rest: string): string {
  const own = lines[index]!.text
  if (lines.length === 1) return ownClause(own, at, rest)
  const { text, offset } = wrappedLine(lines, index, at)
  return ownClause(text, offset + at, rest ? rest + text.slice(offset + own.length) : '')
}
