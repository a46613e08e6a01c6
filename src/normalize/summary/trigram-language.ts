/**
 * franc-min's `francAll`, restricted to a fixed set of languages and computed with one look-up per trigram of the
 * text instead of one per trigram and language: the same scores in the same order (test/trigram-language.test.ts
 * compares them with franc's), at a third of the cost. franc's models and script expressions are used as they are.
 */
import { data } from 'franc-min/data.js'
import { expressions } from 'franc-min/expressions.js'
import { collapseSpaces } from '../collapse-spaces.js'

/** A language code and its score (1 for the best, lower for the others), as franc gives them. */
export type LanguageScore = [code: string, score: number]

/** Longest text franc reads, and the distance it counts for a trigram a language's model lacks. */
const MAX_LENGTH = 2048
const MAX_DIFFERENCE = 300

/** For one script, the candidate languages (in franc's order) and, per trigram, each language holding it and its rank. */
interface ScriptModels {
  names: string[]
  ranks: Map<TrigramKey, number[]>
}

/** A trigram as a map key: three code units under 1024 packed into one small integer (no string made), any other as itself. */
type TrigramKey = number | string

/** The key of the three code units of `text` at `i`: injective, as a packed integer never equals a string. */
function trigramKey(text: string, i: number): TrigramKey {
  const a = text.charCodeAt(i)
  const b = text.charCodeAt(i + 1)
  const c = text.charCodeAt(i + 2)
  return (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : text.slice(i, i + 3)
}

/** A model trigram's key: the same as the text's three code units would get (one of another length keeps itself and matches none). */
const modelKey = (trigram: string): TrigramKey => (trigram.length === 3 ? trigramKey(trigram, 0) : trigram)

/** Each script's candidate models, built once per candidate list (trigram to [language index, rank, …]). */
function scriptModels(candidates: ReadonlySet<string>): Map<string, ScriptModels> {
  const out = new Map<string, ScriptModels>()
  for (const [script, languages] of Object.entries(data)) {
    const names: string[] = []
    const ranks = new Map<TrigramKey, number[]>()
    for (const [name, model] of Object.entries(languages)) {
      if (!candidates.has(name)) continue
      const trigrams = model.split('|')
      const seen = new Map<string, number>()
      // franc's model keeps the lowest rank of a trigram listed twice.
      for (let rank = trigrams.length - 1; rank >= 0; rank--) seen.set(trigrams[rank]!, rank)
      for (const [trigram, rank] of seen) {
        const key = modelKey(trigram)
        const list = ranks.get(key)
        if (list) list.push(names.length, rank)
        else ranks.set(key, [names.length, rank])
      }
      names.push(name)
    }
    out.set(script, { names, ranks })
  }
  return out
}

/**
 * Per script whose expression matches some ASCII character (Latin alone today), which ASCII characters it matches:
 * on ASCII text every other script counts none, and these count one match per such character.
 */
const ASCII_SCRIPTS = new Map(
  Object.entries(expressions).flatMap(([script, expression]) => {
    const once = new RegExp(expression.source, expression.flags.replace('g', ''))
    const table = new Uint8Array(128)
    for (let code = 0; code < 128; code++) table[code] = once.test(String.fromCharCode(code)) ? 1 : 0
    return table.includes(1) ? [[script, table] as const] : []
  }),
)

/** How many characters of an ASCII text the table marks (what `match(expression).length` gives on ASCII text). */
function countAscii(value: string, table: Uint8Array): number {
  let count = 0
  for (let i = 0; i < value.length; i++) count += table[value.charCodeAt(i)]!
  return count
}
const NON_ASCII = /[^\x00-\x7f]/

/** The script most of the text's characters are in, and its share (franc's `getTopScript`); scripts that cannot occur are not scanned. */
function topScript(value: string): [script: string | undefined, share: number] {
  let top = -1
  let best: string | undefined
  const ascii = !NON_ASCII.test(value)
  for (const [script, expression] of Object.entries(expressions)) {
    const table = ascii ? ASCII_SCRIPTS.get(script) : undefined
    const share = ascii ? (table ? countAscii(value, table) / value.length || 0 : 0) : (value.match(expression)?.length ?? 0) / value.length || 0
    if (share > top) {
      top = share
      best = script
    }
  }
  return [best, top]
}

/**
 * The text's trigrams (franc's cleaning: no ASCII punctuation or digits, white space collapsed, lower case) with
 * counts. franc sorts them rarest first; a distance is a sum of integers over them, the same in any order, so they are not sorted.
 */
function trigramCounts(value: string): Map<TrigramKey, number> {
  const padded = ` ${collapseSpaces(value.replace(/[\u0021-\u0040]+/g, ' '))
    .trim()
    .toLowerCase()} `
  const counts = new Map<TrigramKey, number>()
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = trigramKey(padded, i)
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1)
  }
  return counts
}

/** A scorer over `candidates` (ISO 639-3 codes) giving what `francAll(text, { minLength, only: candidates })` gives. */
export function languageScorer(candidates: string[]): (text: string, minLength: number) => LanguageScore[] {
  const allowed = new Set(candidates)
  const models = scriptModels(allowed)
  return (text, minLength) => {
    if (!text || text.length < minLength) return [['und', 1]]
    const value = text.slice(0, MAX_LENGTH)
    const [script, share] = topScript(value)
    const model = script === undefined ? undefined : models.get(script)
    if (!script || !model) return script && share !== 0 && allowed.has(script) ? [[script, 1]] : [['und', 1]]
    if (model.names.length === 0) return [['und', 1]]
    const trigrams = trigramCounts(value)
    const distances = model.names.map(() => MAX_DIFFERENCE * trigrams.size)
    for (const [trigram, count] of trigrams) {
      const list = model.ranks.get(trigram)
      if (!list) continue
      for (let i = 0; i < list.length; i += 2) distances[list[i]!]! -= MAX_DIFFERENCE - Math.abs(count - list[i + 1]! - 1)
    }
    const scores = model.names.map((name, i): LanguageScore => [name, distances[i]!]).sort((a, b) => a[1] - b[1])
    const min = scores[0]![1]
    const max = value.length * MAX_DIFFERENCE - min
    for (const score of scores) score[1] = 1 - (score[1] - min) / max || 0
    return scores
  }
}
