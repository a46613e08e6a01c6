/** Generated pathological shapes (issue 19 §1): small files built to make one stage grow faster than its input. */

const letters = (i: number): string => String.fromCharCode(97 + i)

/** YAML "billion laughs": `levels` levels of nine aliases each, the last one under `key`. */
export function billionLaughs(levels: number, key = 'tags'): string {
  const lines = ['---', 'title: Laughs', `a: &a [${Array(9).fill('"lol"').join(', ')}]`]
  for (let i = 1; i < levels; i++)
    lines.push(
      `${letters(i)}: &${letters(i)} [${Array(9)
        .fill(`*${letters(i - 1)}`)
        .join(', ')}]`,
    )
  lines.push(`${key}: *${letters(levels - 1)}`, '---', '# Laughs', '', 'Body.', '')
  return lines.join('\n')
}

/** A GFM table with a `columns`-cell header and `rows` one-cell rows (rendering pads every row to the header). */
export function wideTable(columns: number, rows: number): string {
  const header = `|${Array.from({ length: columns }, (_, i) => `h${i}`).join('|')}|`
  const rule = `|${Array(columns).fill('-').join('|')}|`
  return `# Table\n\n${header}\n${rule}\n${Array.from({ length: rows }, (_, i) => `|r${i}|`).join('\n')}\n`
}

/** Front matter with `count` distinct tags. */
export const manyTags = (count: number): string =>
  `---\ntitle: Tags\ntags: [${Array.from({ length: count }, (_, i) => `t${i}`).join(', ')}]\n---\n# Tags\n\nBody.\n`

/** A timeline of `count` list items. */
export const longList = (count: number): string =>
  `# List\n\n## Timeline\n\n${Array.from({ length: count }, (_, i) => `- 10:${String(i % 60).padStart(2, '0')} step ${i}`).join('\n')}\n`

/** `count` headings, each with a paragraph. */
export const manyHeadings = (count: number): string => Array.from({ length: count }, (_, i) => `## Part ${i}\n\nText ${i}.\n`).join('\n')

/** `count` footnote references and definitions. */
export const manyFootnotes = (count: number): string =>
  `# Notes\n\n${Array.from({ length: count }, (_, i) => `x[^${i}]`).join(' ')}\n\n${Array.from({ length: count }, (_, i) => `[^${i}]: note ${i}`).join('\n')}\n`

/** `count` links in one paragraph. */
export const manyLinks = (count: number): string => `# Links\n\n${Array.from({ length: count }, (_, i) => `[l${i}](https://example.com/${i})`).join(' ')}\n`

/** `count` unmatched brackets in one paragraph (each is looked back over by the link parser). */
export const manyBrackets = (count: number): string => `# Brackets\n\n${Array.from({ length: count }, (_, i) => `[b${i}]`).join(' ')}\n`

/** Every shape at the size the red-team report used (or larger), by name. */
export const HOSTILE_SHAPES: Record<string, () => string> = {
  'billion-laughs': () => billionLaughs(9),
  'wide-table': () => wideTable(3600, 3600),
  'tags-2000': () => manyTags(2000),
  'list-100000': () => longList(100_000),
  'headings-40000': () => manyHeadings(40_000),
  'footnotes-20000': () => manyFootnotes(20_000),
  'links-50000': () => manyLinks(50_000),
  'brackets-50000': () => manyBrackets(50_000),
}
