/**
 * A heading's meaning from its words rather than from a list of headings: question forms reduced to their subject,
 * words stemmed (singular/plural, -ed/-ing), weighted cues summed per canonical key, trailing nouns ("... analysis")
 * and fillers neutral, CJK runs scanned for known terms. Gives a key and a confidence, or null when unsure.
 */
import type { CanonicalSectionKey } from '../../types.js'
import { CJK_FILLERS, FILLER_WORDS, MEDIA_WORDS, SECTION_CUES, STATUS_LABELS, TRAILING_NOUNS } from './section-words.js'

/** A classified heading: its key and how sure the words make it (0..1). */
export interface Classified {
  key: CanonicalSectionKey
  confidence: number
}

/** Reduces a word to a stem shared by its inflections ("causes", "caused", "cause" -> "caus"). */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '')
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3)
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2)
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}

/** Scripts read by known terms inside a word: CJK runs have no spaces, and Korean joins its particles to the noun (원인과). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]/u
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々（）()]+|[\p{L}\p{N}][\p{L}\p{N}'’;-]*/gu

interface Cue {
  key: CanonicalSectionKey
  weight: number
  stems: string[]
}

const WORD_CUES = new Map<string, Cue[]>()
const PHRASE_CUES: Cue[] = []
const PART_CUES: Array<{ key: CanonicalSectionKey; weight: number; part: string }> = []
for (const cue of SECTION_CUES) {
  for (const word of cue.words ?? []) {
    const stems = word.split(/\s+/).map(stem)
    const entry = { key: cue.key, weight: cue.weight, stems }
    if (stems.length > 1) PHRASE_CUES.push(entry)
    else WORD_CUES.set(stems[0]!, [...(WORD_CUES.get(stems[0]!) ?? []), entry])
  }
  for (const part of cue.parts ?? []) PART_CUES.push({ key: cue.key, weight: cue.weight, part })
}
PART_CUES.sort((a, b) => b.part.length - a.part.length)
const FILLERS = new Set([...FILLER_WORDS].map(stem))
const TRAILING = new Set([...TRAILING_NOUNS].map(stem))
const MEDIA = new Set([...MEDIA_WORDS].map(stem))
const CJK_FILL = [...CJK_FILLERS].sort((a, b) => b.length - a.length)

/** Question forms, reduced to the subject they ask about ("Why did it happen?" asks for the root cause). */
const QUESTIONS: Array<[RegExp, CanonicalSectionKey]> = [
  [/^(?:why|warum|wieso|weshalb|pourquoi|perche|por ?que)\b/, 'rootCause'],
  // German and French: "Was ist passiert?", "Qu'est-ce qui s'est passé ?", "Que s'est-il passé ?".
  [/^(?:was (?:ist|war) (?:passiert|geschehen|los)|qu'est-ce qui s'est passe|que s'est-il passe|ce qui s'est passe)\b/, 'summary'],
  [
    /^(?:wie (?:haben wir|wurde|wurden) .*\b(?:bemerkt|entdeckt|erkannt)|comment (?:avons-nous|a-t-on|l'avons-nous) .*\b(?:detecte|remarque|decouvert))/,
    'detection',
  ],
  [
    /^(?:wie (?:haben wir|wurde|wurden) .*\b(?:behoben|gelost|geloest|repariert)|comment (?:avons-nous|a-t-on|l'avons-nous) .*\b(?:resolu|corrige|repare|retabli))/,
    'resolution',
  ],
  [
    /^(?:was (?:wir|werden wir) .*\b(?:andern|aendern|tun|verbessern)|ce que nous (?:allons|faisons|ferons)|que (?:faisons|allons|ferons)-nous)\b/,
    'actionItems',
  ],
  // Spanish, Portuguese, German and French: "¿Qué haremos?", "O que faremos?", "Was tun wir?", "Wie verhindern wir …",
  // "Comment éviter …", "Ce qu'il faut corriger", "Lo que hay que mejorar": what will be done.
  [
    /^(?:que|como) (?:haremos|vamos a (?:hacer|evitar|prevenir|mejorar|cambiar)|evitaremos|preveniremos|mejoraremos|cambiaremos|estamos haciendo)\b|^(?:lo |o )?que (?:hay|tenemos|temos) que (?:hacer|fazer|corregir|corrigir|mejorar|melhorar|cambiar|mudar)\b|^(?:o )?que (?:faremos|vamos fazer|estamos fazendo|mudaremos|vamos mudar)\b|^como (?:vamos |iremos )?(?:evitar|prevenir)\b/,
    'actionItems',
  ],
  [
    /^(?:was (?:tun|machen|unternehmen|andern|aendern|verbessern) wir|wie (?:verhindern|vermeiden) wir|wie geht es weiter|was (?:ist |muss )?zu tun)\b|^(?:comment (?:eviter|empecher|prevenir|allons-nous)|ce qu'il (?:faut|reste a) (?:corriger|faire|ameliorer|changer)|ce que nous (?:devons|allons) (?:faire|corriger|changer|ameliorer))\b/,
    'actionItems',
  ],
  [/^(?:was (?:wir|haben wir) .*\bgelernt|ce que (?:nous avons|l'on a|on a) appris|(?:o |lo )?que aprend(?:emos|imos))\b/, 'lessonsLearned'],
  [/^what (?:triggered|set off)\b/, 'trigger'],
  [/^what (?:caused|led to|went wrong technically|went wrong,? and why)\b|^how (?:did|could|was|were|has|have) .*\b(?:happen|occur|caused?)\b/, 'rootCause'],
  [/^how (?:did |do |was |were |have |are )?(?:we |you |they |it |the [a-z]+ )?.*\b(?:detect|notic|discover|found|find|learn(?:ed)? about|alert)/, 'detection'],
  [
    /^what (?:(?:are|will|do|did) )?we(?: are| will|'re|'ll| did)? (?:do|doing|chang|going|improv|plan|fix)|^what(?:'s| is| comes) next|^how (?:we|we'll|we're|will we|do we|are we|to) .*\b(?:prevent|avoid|improv|stop|reduc|less likely|less impactful)|^(?:what|how) (?:we(?:'re| are) )?(?:changing|preventing)|^(?:improving|preventing|reducing|hardening|avoiding)\b/,
    'actionItems',
  ],
  // The passive form of the same question: "What is being done about this?", "What will be done to prevent it?".
  [/^what(?: is| are| will be|'s) (?:being )?(?:done|changed|changing)\b/, 'actionItems'],
  [/^how (?:did |do |was |were |have |are )?(?:we |you |they |it |the [a-z]+ )?.*\b(?:fix|resolv|mitigat|recover|restor|respond|handl)/, 'resolution'],
  [/^what (?:did |have )?we (?:learn|take away)|^what (?:i|we) learned|^how(?:'d| did) (?:we|it) (?:do|go)\b/, 'lessonsLearned'],
  [/^(?:who|what|which) (?:(?:was|were|is|are) )?(?:\w+ )?(?:affected|impacted)|^how (?:bad|many|much)/, 'impact'],
  [/^what (?:happened|went down|occurred)|^what (?:is|was) the (?:issue|problem|incident)/, 'summary'],
  [/^when did\b/, 'timeline'],
]

/** Lower-case text with Latin accents removed (Résumé -> resume), CJK untouched. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[’]/g, "'")
}

interface Tally {
  scores: Map<CanonicalSectionKey, number>
  /** Order of each key's last cue: on a tie the later one wins (the head noun comes last: "Recovery timeline"). */
  last: Map<CanonicalSectionKey, number>
  known: number
  unknown: number
  /** Words in the heading, and the token index of the last known and the last unknown one (-1 when none). */
  words: number
  lastKnownAt: number
  lastUnknownAt: number
  media: boolean
}

function add(tally: Tally, key: CanonicalSectionKey, weight: number): void {
  tally.scores.set(key, (tally.scores.get(key) ?? 0) + weight)
  tally.last.set(key, tally.last.size + tally.known + tally.unknown + 1)
}

function scanCjk(run: string, tally: Tally): void {
  let unknownRun = false
  for (let i = 0; i < run.length;) {
    const part = PART_CUES.find((p) => run.startsWith(p.part, i))
    const filler = part ? null : CJK_FILL.find((f) => run.startsWith(f, i))
    if (part) {
      add(tally, part.key, part.weight)
      tally.known++
      i += part.part.length
      unknownRun = false
    } else if (filler || /[（）()]/.test(run[i]!)) {
      i += filler ? filler.length : 1
      unknownRun = false
    } else {
      if (!unknownRun) tally.unknown++
      unknownRun = true
      i++
    }
  }
}

/**
 * Parts long enough to be read inside a compound word, as its first or last member (German: Fehler-ursache,
 * Ursachen-analyse, Sofort-maßnahmen), each with the endings a last member takes joined once, not for every word.
 */
const COMPOUND_CUES = PART_CUES.filter((p) => p.part.length >= 5).map((cue) => ({ cue, ends: ['', 'n', 'en', 's'].map((ending) => cue.part + ending) }))

/** The first part (longest first) that `token` starts or ends with, as a compound's member; no part fits a word under five letters. */
function compoundPart(token: string): (typeof PART_CUES)[number] | undefined {
  if (token.length < 5) return undefined
  return COMPOUND_CUES.find((c) => token.startsWith(c.cue.part) || c.ends.some((end) => token.endsWith(end)))?.cue
}

function tallyOf(text: string, dropTrailing: boolean, typos: boolean): Tally {
  const tally: Tally = { scores: new Map(), last: new Map(), known: 0, unknown: 0, words: 0, lastKnownAt: -1, lastUnknownAt: -1, media: false }
  const tokens = text.match(TOKEN) ?? []
  const stems = tokens.map((t) => (CJK.test(t) ? t : stem(t)))
  tally.words = stems.length
  const covered = new Set<number>()
  for (const phrase of PHRASE_CUES) {
    for (let i = 0; i + phrase.stems.length <= stems.length; i++) {
      if (!phrase.stems.every((s, j) => stems[i + j] === s && !covered.has(i + j))) continue
      add(tally, phrase.key, phrase.weight)
      tally.known += phrase.stems.length
      tally.lastKnownAt = Math.max(tally.lastKnownAt, i + phrase.stems.length - 1)
      phrase.stems.forEach((_, j) => covered.add(i + j))
    }
  }
  const last = stems.length - 1
  const readStem = (s: string, i: number): void => {
    if (covered.has(i)) return
    if (CJK.test(s)) return scanCjk(s, tally)
    if (dropTrailing && i === last && i > 0 && TRAILING.has(s)) return
    if (MEDIA.has(s)) tally.media = true
    const cues = WORD_CUES.get(s)
    if (cues) {
      for (const cue of cues) add(tally, cue.key, cue.weight)
      tally.known++
      return
    }
    const token = tokens[i]!
    const part = compoundPart(token)
    const hyphened = part || !token.includes('-') ? null : token.split('-').map(stem)
    const typo = !typos || part || hyphened || FILLERS.has(s) ? null : misspelt(token)
    if (part) {
      add(tally, part.key, part.weight)
      tally.known++
    } else if (hyphened?.every((h) => FILLERS.has(h) || WORD_CUES.has(h))) {
      // A hyphenated word read as its parts ("post-incident actions", "long-term").
      for (const h of hyphened) for (const cue of WORD_CUES.get(h) ?? []) add(tally, cue.key, cue.weight)
      if (hyphened.some((h) => WORD_CUES.has(h))) tally.known++
    } else if (typo) {
      for (const cue of typo) add(tally, cue.key, cue.weight)
      tally.known++
    } else if (!FILLERS.has(s) && !/\d/.test(s) && s.length > 1) tally.unknown++
  }
  stems.forEach((s, i) => {
    const known = tally.known
    const unknown = tally.unknown
    readStem(s, i)
    if (tally.known > known) tally.lastKnownAt = i
    if (tally.unknown > unknown) tally.lastUnknownAt = i
  })
  return tally
}

/** Single cue words of five letters or more, for reading a misspelt heading word ("Sumary", "Timline", "Root casue"). */
const SPELLED = [...SECTION_CUES.flatMap((cue) => (cue.words ?? []).filter((w) => /^[a-z]{5,}$/.test(w)))]

/**
 * The cues of the one cue word a heading word is a typo of (one letter added, dropped, changed or two swapped, the
 * first letter kept), `null` when none or more than one reading fits.
 */
function misspelt(token: string): Cue[] | null {
  if (token.length < 5 || token.length > 20 || !/^[a-z]+$/.test(token)) return null
  let found: string | null = null
  for (const word of SPELLED) {
    if (word[0] !== token[0] || Math.abs(word.length - token.length) > 1 || !oneEdit(token, word)) continue
    if (found !== null && stem(found) !== stem(word)) return null
    found = word
  }
  return found === null ? null : (WORD_CUES.get(stem(found)) ?? null)
}

/**
 * `true` when `a` and `b` differ by exactly one insertion, deletion or swap of neighbours inside the word, or by one
 * changed letter inside a word of seven letters or more (shorter words differ by one letter too often: "defect",
 * "detect"); a change at the end is another form of the word ("resolver", "resolved"), not a typo.
 */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (i >= Math.min(a.length, b.length) - 1) return false
  if (a.length === b.length)
    return (a.length >= 7 && a.slice(i + 1) === b.slice(i + 1)) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/**
 * A short heading of one unknown word before the one word that names the section ("Binding lessons", "Still TODO"):
 * a modifier of the head noun, which English puts last; an unknown word after it ("Backlog check") is the head and
 * changes the meaning, and a longer line ("Postmortem: Database outage and recovery") is a title, not a section name.
 */
function modifiedNoun(tally: Tally): boolean {
  return tally.words <= 3 && tally.known === 1 && tally.unknown === 1 && tally.scores.size === 1 && tally.lastKnownAt > tally.lastUnknownAt
}

function best(tally: Tally): Classified | null {
  let key: CanonicalSectionKey | null = null
  let top = 0
  let total = 0
  for (const [k, score] of tally.scores) {
    total += score
    if (score > top || (score === top && key && (tally.last.get(k) ?? 0) > (tally.last.get(key) ?? 0))) {
      top = score
      key = k
    }
  }
  if (!key || top < 3) return null
  const confidence = 0.85 * (top / total) * (tally.known / (tally.known + tally.unknown))
  return { key, confidence: Math.round(confidence * 100) / 100 }
}

/**
 * Classifies a normalized heading; `exact` (bare lines, title rejection) admits no word that is neither a cue nor a
 * filler, otherwise unknown words must be fewer than the known ones. Media captions are never sections.
 */
export function classifyHeading(normalized: string, exact: boolean): Classified | null {
  const text = fold(normalized)
  if (!text || text.length > 120 || STATUS_LABELS.has(text)) return null
  const question = QUESTIONS.find(([re]) => re.test(text))
  if (question) return { key: question[1], confidence: 0.9 }
  let tally = tallyOf(text, true, !exact)
  let found = best(tally)
  if (!found) {
    tally = tallyOf(text, false, !exact)
    found = best(tally)
  }
  if (!found || tally.media) return null
  if (exact ? tally.unknown > 0 : tally.unknown >= tally.known && tally.unknown > 0 && !modifiedNoun(tally)) return null
  return found
}
