/**
 * Sentences of a paragraph, by `Intl.Segmenter` in the document's language, with the cuts a segmenter makes at
 * ordinals ("On 3. August"), abbreviations ("e.g.", "approx.", "Mr.", "z. B.") and initials ("J. Smith") merged back.
 */

/** Abbreviations that end with a dot inside a sentence (lower-case, without the final dot). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'vs',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'approx',
  'ca',
  'incl',
  'excl',
  'no',
  'nr',
  'nos',
  'fig',
  'vol',
  'pp',
  'p',
  'dept',
  'ver',
  'v',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'u.s',
  'z.b',
  'z. b',
  'u.a',
  'bzw',
  'ggf',
  'usw',
  'vgl',
  'd.h',
  'evtl',
  'inkl',
  'mme',
  'mlle',
  'env',
  'resp',
  'al',
  'et al',
])

/**
 * Abbreviations that may also end a sentence ("lasted 10 min.", "at 9 a.m.", "keys etc."): they join the next
 * words only when those go on in lower case or with a digit (read before these), or, after a time of day, with a zone ("9 a.m. UTC").
 */
const ENDING_ABBREVIATIONS = new Set(['etc', 'min', 'mins', 'sec', 'secs', 'hr', 'hrs', 'inc', 'ltd', 'co', 'corp', 'a.m', 'p.m', 'est', 'max', 'avg'])

/** Month names (English, German, French) that follow a day ordinal written "3." */
const MONTH = /^(?:jan|feb|mär|mar|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|janv|févr|fevr|mars|avr|juin|juil|août|aout|déc)/i

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(language: string | null): Intl.Segmenter {
  const tag = language ?? 'en'
  let found = segmenters.get(tag)
  if (!found) {
    try {
      found = new Intl.Segmenter(tag, { granularity: 'sentence' })
    } catch {
      found = new Intl.Segmenter('en', { granularity: 'sentence' })
    }
    segmenters.set(tag, found)
  }
  return found
}

/** Whether the cut after `before` is no sentence end, given the text that follows (an ordinal "3. März", "e.g.", an initial). */
export function isFalseCut(before: string, after: string): boolean {
  const tail = before.trimEnd()
  const next = after.trimStart()
  if (!tail.endsWith('.') || !next) return false
  if (/^[\p{Ll}]/u.test(next)) return true
  const word = /(?:^|[\s(])([\p{L}.]{1,8}|[\p{L}]\.\s[\p{L}])\.$/u.exec(tail)?.[1]?.toLowerCase()
  if (word && ABBREVIATIONS.has(word)) return true
  if (word && ENDING_ABBREVIATIONS.has(word)) return /^\d/.test(next) || ((word === 'a.m' || word === 'p.m') && /^[A-Z]{2,5}\b/.test(next))
  if (/(?:^|\s)\p{L}\.$/u.test(tail)) return true
  if (/(?:^|\s)\d{1,2}\.$/.test(tail) && (MONTH.test(next) || /^\d/.test(next))) return true
  if (/\b[vV]?\d+\.$/.test(tail) && /^\d/.test(next)) return true
  return false
}

/** Splits a paragraph into sentences; `language` is a BCP 47 tag or null for English. */
export function splitSentences(text: string, language: string | null = null): string[] {
  return [...sentencesOf(text, language)]
}

/**
 * The first sentence of `splitSentences` (undefined when there is none), the segmenter stopping after the segment
 * that ends it: one-line summaries need no more, and segmenting a whole text costs about twice as much.
 */
export function firstSentence(text: string, language: string | null = null): string | undefined {
  const first = sentencesOf(text, language).next()
  return first.done ? undefined : first.value
}

/**
 * The sentences of `splitSentences`, one at a time: the segmenter reads no further than the sentence after the
 * last one taken (whether it continues that one), so a caller that needs the first few does not pay for the rest.
 */
export function* sentencesOf(text: string, language: string | null = null): Generator<string> {
  let current: string | null = null
  for (const { segment } of segmenter(language).segment(text)) {
    if (current !== null && isFalseCut(current, segment)) {
      current += segment
      continue
    }
    const done = current?.trim()
    if (done) yield done
    current = segment
  }
  const last = current?.trim()
  if (last) yield last
}

/**
 * The text without its last sentence when that one ends in a colon and so introduces what follows (a code block, a
 * list) rather than saying what happened; '' when it is the only sentence.
 */
export function beforeLeadIn(text: string): string {
  if (!/[:：]\s*$/.test(text)) return text
  return /^[\s\S]*[.!?](?=\s)/.exec(text)?.[0] ?? ''
}
