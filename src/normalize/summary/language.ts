/**
 * The language a postmortem is written in, as a BCP 47 tag, when it is not English: franc-min over the prose only
 * (no code, links or markup), `null` for English and whenever the text is too short or the guess too close to call.
 */
import type { RootContent } from 'mdast'
import { plainText } from '../structure/plain-text.js'
import { languageScorer } from './trigram-language.js'
import { collapseSpaces } from '../collapse-spaces.js'

/** ISO 639-3 codes franc gives, mapped onto the BCP 47 tags a page's `lang` attribute takes. */
const BCP47 = new Map([
  ['deu', 'de'],
  ['fra', 'fr'],
  ['jpn', 'ja'],
  ['spa', 'es'],
  ['por', 'pt'],
  ['ita', 'it'],
  ['nld', 'nl'],
  ['rus', 'ru'],
  ['cmn', 'zh'],
  ['kor', 'ko'],
  ['pol', 'pl'],
  ['tur', 'tr'],
  ['ukr', 'uk'],
  ['swe', 'sv'],
  ['ces', 'cs'],
  ['ron', 'ro'],
  ['hun', 'hu'],
  ['ind', 'id'],
  ['vie', 'vi'],
  ['arb', 'ar'],
  ['hin', 'hi'],
  ['ell', 'el'],
  ['heb', 'he'],
  ['dan', 'da'],
  ['nob', 'nb'],
  ['fin', 'fi'],
  ['tha', 'th'],
  ['bul', 'bg'],
  ['srp', 'sr'],
  ['hrv', 'hr'],
  ['slk', 'sk'],
  ['cat', 'ca'],
])

/** Languages franc compares (those mapped above, and English); fewer comparisons keep it cheap. */
const CANDIDATES = ['eng', ...BCP47.keys()]
/** franc's `francAll` over the candidates, computed with one look-up per trigram (see trigram-language.ts). */
const scoreLanguages = languageScorer(CANDIDATES)

/** Fewer letters than this (a third of it in Chinese, Japanese or Korean script) and the guess is left out. */
const MIN_LETTERS = 60
/** Fewer letters than this in a text with no letter outside A-Z (dashes and quotes aside) and the guess is left out. */
const MIN_ASCII_LETTERS = 200
/** How far ahead of English the best guess must be (franc scores the best language 1, the others below). */
const MARGIN = 0.03

/** Prose text with inline code, URLs and e-mail addresses removed and white space collapsed. */
function cleanProse(text: string): string {
  const code = text.includes('`') ? text.replace(/`[^`\n]*`/g, ' ') : text
  // An address is tried only where a run of non-space starts and its name stops at the first "@": one pass per run, so a
  // long token costs in proportion to its length (`\S+@\S+` retried every start inside it, quadratic).
  const links = code.includes('@') ? code.replace(/https?:\/\/\S+|www\.\S+|(?<![^\s@])[^\s@]+@\S+/g, ' ') : code.replace(/https?:\/\/\S+|www\.\S+/g, ' ')
  return collapseSpaces(links)
}

/**
 * Prose of the document's content nodes: code, HTML, URLs and inline code removed, at most `max` characters. Read
 * from the first nodes only, as many as give `max` characters: nodes are joined by white space that no removal
 * crosses, so the prose of the first nodes is the start of the prose of all of them.
 */
export function proseOf(nodes: RootContent[], max = 4000): string {
  const prose = nodes.filter((n) => n.type === 'paragraph' || n.type === 'list' || n.type === 'blockquote' || n.type === 'heading' || n.type === 'table')
  for (let count = Math.min(prose.length, 8); ; count = Math.min(prose.length, count * 2)) {
    const text = cleanProse(plainText(prose.slice(0, count)))
    if (text.length >= max || count >= prose.length) return text.slice(0, max)
  }
}

/** Words common in English prose and rare as words of other languages, to tell English without running franc. */
const ENGLISH_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'we',
  'with',
  'that',
  'this',
  'were',
  'our',
  'from',
  'which',
  'would',
  'have',
  'been',
  'after',
  'because',
])
/** Share of words from `ENGLISH_WORDS` above which a text is English (English prose runs at 15 to 25 %, other languages under 2 %). */
const ENGLISH_SHARE = 0.08
/** Characters franc reads: its guess is settled by a few sentences, and its cost grows with the text. */
export const LANGUAGE_SAMPLE = 600

/** Whether the prose is plainly English by its function words (most postmortems are, and franc costs milliseconds). */
function plainlyEnglish(prose: string): boolean {
  const words = prose.toLowerCase().match(/\p{L}+/gu) ?? []
  let english = 0
  for (const word of words) if (ENGLISH_WORDS.has(word)) english++
  return english >= 5 && english / words.length >= ENGLISH_SHARE
}

/** How many letters an ASCII text holds (`\p{L}` on ASCII is A-Z and a-z), counted without building a match array. */
function asciiLetters(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20
    if (code >= 0x61 && code <= 0x7a) count++
  }
  return count
}

/**
 * The language that Chinese, Japanese or Korean script settles, when that script holds at least a quarter of the letters
 * (one of its characters carries about a word, so English terms in Chinese prose outnumber it in letters, not in words):
 * Hangul is Korean, kana is Japanese, Han alone is Chinese; `null` when the script is too rare to say.
 */
function cjkLanguage(prose: string, letters: number): string | null {
  const han = prose.match(/\p{Script=Han}/gu)?.length ?? 0
  const kana = prose.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0
  const hangul = prose.match(/\p{Script=Hangul}/gu)?.length ?? 0
  const cjk = han + kana + hangul
  if (cjk < 20 || cjk * 4 < letters) return null
  if (hangul * 2 > cjk) return 'ko'
  return kana * 20 >= cjk ? 'ja' : 'zh'
}

/** The language of `prose` as a BCP 47 tag, or null for English, unknown or unsure. */
export function detectLanguage(text: string): string | null {
  const prose = text.slice(0, LANGUAGE_SAMPLE)
  if (plainlyEnglish(prose)) return null
  const ascii = !/[^\x00-\x7f]/.test(prose)
  const letters = ascii ? asciiLetters(prose) : (prose.match(/\p{L}/gu)?.length ?? 0)
  const script = ascii ? null : cjkLanguage(prose, letters)
  if (script) return script
  const dense = !ascii && (prose.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0) > letters / 2
  const min = dense ? MIN_LETTERS / 3 : MIN_LETTERS
  // Terse ASCII prose (a few bullet fragments, no function words) is too short to tell from English: French, German and
  // most other languages franc names would show an accented letter or enough words for a surer guess.
  if (letters < (ascii || !/(?![A-Za-z])\p{L}/u.test(prose) ? MIN_ASCII_LETTERS : min)) return null
  const guesses = scoreLanguages(prose, min)
  const [code, score] = guesses[0] ?? ['und', 0]
  if (code === 'eng' || code === 'und' || score < 1) return null
  const english = guesses.find(([c]) => c === 'eng')?.[1] ?? 0
  if (english > 1 - MARGIN && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}]/u.test(prose))
    return null
  return BCP47.get(code) ?? null
}
