import { randomUUID } from 'node:crypto'
import type { PostmortemRecord, RecordHead } from '../types.js'
import { hasBody } from './site-document.js'
import { causeLabel } from '../enrich/derive-causes.js'
import { causeTerms, readTerm, type TermKind } from './related-terms.js'

/** Records compared per shared feature: a feature shared more widely is compared only with its nearest records in archive order (closest in time), which bounds the cost at 10,000 postmortems. */
const WINDOW = 100

/**
 * The part of a feature's members (in archive order) to compare record `i` with, as `[from, to)`: all of them, or the
 * `WINDOW + 1` nearest in archive order. A range rather than a copy: every record asks it of each of its features.
 */
function neighbourRange(members: number[], i: number): [from: number, to: number] {
  if (members.length <= WINDOW) return [0, members.length]
  let lo = 0
  let hi = members.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (members[mid]! < i) lo = mid + 1
    else hi = mid
  }
  const from = Math.max(0, Math.min(lo - WINDOW / 2, members.length - WINDOW))
  return [from, Math.min(members.length, from + WINDOW + 1)]
}

/**
 * What relatedness reads of a record, worked out when asked and not kept: a page asks for its five neighbours' alone,
 * and kept for every record (with the scored features) it cost about 1.5 kB a postmortem through the build.
 */
interface Facts {
  tags: Set<string>
  /** Technologies and named systems of the root cause (and trigger) sections, as `kind:label` (`related-terms.ts`). */
  terms: string[]
  termSet: Set<string>
}
/** Each record's root-cause terms joined by U+0001: handed over by the cache (one string reads back faster than 30), or worked out once. */
const termsTexts = new WeakMap<RecordHead, string>()
const TERM_SEPARATOR = '\u0001'

/** The technologies and named systems of a record's root cause and trigger sections (never ordinary words), in order of first use. */
export const rootCauseTerms = (record: PostmortemRecord): string[] => causeTerms(record)

/** A record's root-cause terms as one string, as the cache keeps them and `primeTerms` takes them. */
export const joinedTerms = (record: PostmortemRecord): string => rootCauseTerms(record).join(TERM_SEPARATOR)

/** Hands over a record's terms worked out earlier (`joinedTerms`), so its sections need not be read to relate it. */
export function primeTerms(record: RecordHead, joined: string): void {
  termsTexts.set(record, joined)
}

/** A record's joined terms: handed over (a cached summary's), or worked out from a whole record's sections. */
function termsText(record: RecordHead): string {
  let joined = termsTexts.get(record)
  if (joined !== undefined) return joined
  if (!hasBody(record)) throw new Error(`The root-cause terms of ${record.source} were not handed over with its summary`)
  termsTexts.set(record, (joined = joinedTerms(record)))
  return joined
}

function facts(record: RecordHead): Facts {
  const joined = termsText(record)
  const terms = joined === '' ? [] : joined.split(TERM_SEPARATOR)
  return { tags: new Set([...record.tags, ...record.derivedTags]), terms, termSet: new Set(terms) }
}

/**
 * The features of one computation as numbers, with their weights and the records that have them (in archive order):
 * a shared tag counts 3, a shared site, technology or named system 2, a shared cause category 1 (they are broad). One
 * map per kind, so a feature is looked up by its own text, never a `kind:text` string made for it.
 */
class FeatureIndex {
  private readonly byKind = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()]
  readonly weights: number[] = []
  readonly members: number[][] = []

  /** The number of the feature of `kind` (0 tag, 1 site, 2 term, 3 cause) named `name`, with record `i` added to its members. */
  add(kind: number, name: string, weight: number, i: number): number {
    const ids = this.byKind[kind]!
    let id = ids.get(name)
    if (id === undefined) {
      ids.set(name, (id = this.members.length))
      this.members.push([])
    }
    this.weights[id] = weight
    this.members[id]!.push(i)
    return id
  }
}

/** Record `i`'s features, in the order tags, sites, root-cause terms, cause categories, added to the index. */
function features(record: RecordHead, i: number, index: FeatureIndex): number[] {
  const joined = termsText(record)
  const ids: number[] = []
  for (const t of new Set([...record.tags, ...record.derivedTags])) ids.push(index.add(0, t, 3, i))
  for (const s of record.site) ids.push(index.add(1, s, 2, i))
  if (joined !== '') for (const w of joined.split(TERM_SEPARATOR)) ids.push(index.add(2, w, 2, i))
  for (const c of record.derivedCauses ?? []) ids.push(index.add(3, c, 1, i))
  return ids
}

/**
 * A full computation of related incidents as plain data (strings and string arrays, quick to read back), which the
 * builder keeps in the cache folder so a warm build can reuse it: record `i` has slug `slugs[i]`, features
 * `signatures[i]` and related postmortems `related[i]`.
 */
export interface RelatedSnapshot {
  /** Random, new with each computation: the build state names the snapshot its outputs were planned with. */
  id: string
  limit: number
  slugs: string[]
  signatures: string[]
  related: string[][]
}

/** Whether a value read back from the cache folder has the shape of a snapshot. */
export function isRelatedSnapshot(value: unknown): value is RelatedSnapshot {
  const snapshot = value as RelatedSnapshot | null
  if (!snapshot || typeof snapshot !== 'object' || typeof snapshot.id !== 'string' || !Array.isArray(snapshot.slugs)) return false
  return [snapshot.signatures, snapshot.related].every((list) => Array.isArray(list) && list.length === snapshot.slugs.length)
}

/** Related postmortems by slug, and the snapshot that holds them (the one given when it still holds, else a new one). */
export interface RelatedResult {
  bySlug: Map<string, string[]>
  snapshot: RelatedSnapshot | null
}

/** Each snapshot's lists by slug, built once per snapshot (a cache of a pure function of it). */
const bySlugOf = new WeakMap<RelatedSnapshot, Map<string, string[]>>()

const signatures = new WeakMap<RecordHead, string>()

/** A record's features (tags, sites, root-cause terms) as one string, cheaper to build and compare than the feature list. */
export function signature(record: RecordHead): string {
  let known = signatures.get(record)
  if (known === undefined) {
    const causes = (record.derivedCauses ?? []).join(TERM_SEPARATOR)
    known = [[...new Set([...record.tags, ...record.derivedTags])].join(TERM_SEPARATOR), record.site.join(TERM_SEPARATOR), termsText(record), causes].join(
      '\u0000',
    )
    signatures.set(record, known)
  }
  return known
}

/** Whether the snapshot holds for these records: same slugs in the same order with the same features. */
function holds(snapshot: RelatedSnapshot, records: RecordHead[], limit: number): boolean {
  if (snapshot.limit !== limit || snapshot.slugs.length !== records.length) return false
  for (let i = 0; i < records.length; i++) if (records[i]!.slug !== snapshot.slugs[i] || signature(records[i]!) !== snapshot.signatures[i]) return false
  return true
}

/**
 * Up to `limit` related postmortems for every record (or only for `only`, as `dev` asks for the page just saved), by
 * shared tags, sites and root-cause terms; ties go to the record earlier in archive order, so the result depends only
 * on the input. `records` must be in archive order. `previous` is reused while it holds; a computation for every
 * record returns a new snapshot, one for `only` the one given.
 */
export function relatedIncidents(records: RecordHead[], limit = 5, only?: ReadonlySet<string>, previous: RelatedSnapshot | null = null): RelatedResult {
  if (previous && holds(previous, records, limit)) {
    let bySlug = bySlugOf.get(previous)
    if (!bySlug) bySlugOf.set(previous, (bySlug = new Map(previous.slugs.map((slug, i) => [slug, previous.related[i]!]))))
    return { bySlug, snapshot: previous }
  }
  const index = new FeatureIndex()
  const related = scoreAll(
    records,
    records.map((r, i) => features(r, i, index)),
    index,
    limit,
    only,
  )
  if (only) return { bySlug: related, snapshot: previous }
  const slugs = records.map((r) => r.slug)
  const snapshot = { id: randomUUID(), limit, slugs, signatures: records.map(signature), related: slugs.map((slug) => related.get(slug)!) }
  bySlugOf.set(snapshot, related)
  return { bySlug: related, snapshot }
}

function scoreAll(records: RecordHead[], lists: number[][], features: FeatureIndex, limit: number, only?: ReadonlySet<string>): Map<string, string[]> {
  const { weights, members: index } = features
  // Dense scores plus the list of touched records: the same ranking as a Map per record, without its cost.
  const scores = new Float64Array(records.length)
  const touched: number[] = []
  const related = new Map<string, string[]>()
  lists.forEach((list, i) => {
    if (only && !only.has(records[i]!.slug)) return
    for (const id of list) {
      const weight = weights[id]!
      const members = index[id]!
      const [from, to] = neighbourRange(members, i)
      for (let k = from; k < to; k++) {
        const j = members[k]!
        if (j === i) continue
        if (scores[j] === 0) touched.push(j)
        scores[j]! += weight
      }
    }
    const best: number[] = []
    for (const j of touched) {
      let at = best.length
      while (at > 0 && (scores[best[at - 1]!]! < scores[j]! || (scores[best[at - 1]!] === scores[j] && best[at - 1]! > j))) at--
      if (at < limit) {
        best.splice(at, 0, j)
        if (best.length > limit) best.pop()
      }
    }
    for (const j of touched) scores[j] = 0
    touched.length = 0
    related.set(
      records[i]!.slug,
      best.map((j) => records[j]!.slug),
    )
  })
  return related
}

/** One thing two postmortems share, and what kind of thing it is, as the related list says it. */
export interface SharedTerm {
  kind: 'tag' | 'suggested tag' | 'site' | TermKind | 'cause'
  label: string
}

/** How many shared things the related list names per postmortem. */
const SHOWN = 5

/**
 * Why two postmortems are related, for the reader: the tags (suggested ones said so), sites, technologies and named
 * systems they share, each with its kind; the same features relatedness is scored on, so no noise word ever explains it.
 */
export function sharedFeatures(a: RecordHead, b: RecordHead): SharedTerm[] {
  const [ofA, ofB] = [facts(a), facts(b)]
  const suggested = (t: string): boolean => !a.tags.includes(t) || !b.tags.includes(t)
  return [
    ...[...ofA.tags].filter((t) => ofB.tags.has(t)).map((t): SharedTerm => ({ kind: suggested(t) ? 'suggested tag' : 'tag', label: t })),
    ...a.site.filter((s) => b.site.includes(s)).map((s): SharedTerm => ({ kind: 'site', label: s })),
    ...ofA.terms
      .filter((w) => ofB.termSet.has(w))
      .map(readTerm)
      .sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'technology' ? -1 : 1)),
    ...(a.derivedCauses ?? []).filter((c) => b.derivedCauses?.includes(c)).map((c): SharedTerm => ({ kind: 'cause', label: causeLabel(c) })),
  ].slice(0, SHOWN)
}
