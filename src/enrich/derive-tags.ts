import type { PostmortemRecord } from '../types.js'

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')

const compiled = new WeakMap<Record<string, string[]>, Array<[string, RegExp]>>()

/** Compiles a vocabulary into one word-prefix matcher per tag (`deploy` matches `deployment`, not `redeploy`); cached per vocabulary. */
export function compileVocabulary(vocabulary: Record<string, string[]>): Array<[string, RegExp]> {
  let matchers = compiled.get(vocabulary)
  if (!matchers) compiled.set(vocabulary, (matchers = compileOnce(vocabulary)))
  return matchers
}

function compileOnce(vocabulary: Record<string, string[]>): Array<[string, RegExp]> {
  return Object.entries(vocabulary)
    .filter(([, words]) => words.length > 0)
    .map(([tag, words]) => [tag.toLowerCase(), new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})`, 'iu')])
}

/** The text derived tags are matched against: title, summary and root cause. */
export function tagSourceText(record: PostmortemRecord): string {
  const rootCause = record.sections.filter((s) => s.key === 'rootCause').map((s) => s.text)
  return [record.title ?? '', record.summary, ...rootCause].join('\n')
}

/**
 * Suggests tags from the configured vocabulary when the author gave none, so untagged postmortems still show up
 * in tag pages; the result is sorted and meant for `derivedTags`, never for `tags`.
 */
export function deriveTags(record: PostmortemRecord, vocabulary: Record<string, string[]>): string[] {
  if (record.tags.length > 0) return []
  const text = tagSourceText(record)
  if (!text.trim()) return []
  return [
    ...new Set(
      compileVocabulary(vocabulary)
        .filter(([, pattern]) => pattern.test(text))
        .map(([tag]) => tag),
    ),
  ].sort()
}
