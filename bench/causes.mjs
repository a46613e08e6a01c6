// Cause categories over the labelled sets in ../shared/: how many documents get which category (`PER=1` lists each document).
// Run after `npm run compile`: node bench/causes.mjs
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { normalizeDocument } from '../dist/normalize/index.js'
import { DEFAULT_TAG_VOCABULARY } from '../dist/config.js'
import { CAUSE_CATEGORIES } from '../dist/enrich/derive-causes.js'

const shared = path.resolve(import.meta.dirname, '../../shared')
const counts = new Map(CAUSE_CATEGORIES.map((c) => [c.id, 0]))
let documents = 0
let withSections = 0
let none = 0
const lines = []
for (const set of ['seeds', 'corpus', 'corpus-2']) {
  const dir = path.join(shared, set)
  if (!existsSync(dir)) continue
  for (const name of readdirSync(dir)
    .filter((f) => /\.(md|markdown|txt)$/.test(f) && !/^readme/i.test(f))
    .sort()) {
    const { record } = normalizeDocument(name, readFileSync(path.join(dir, name), 'utf8'), { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    documents++
    if (record.sections.some((s) => s.key === 'rootCause' || s.key === 'trigger')) withSections++
    const causes = record.derivedCauses ?? []
    if (!causes.length) none++
    for (const c of causes) counts.set(c, counts.get(c) + 1)
    lines.push(`${set}/${name}\t${causes.join(',') || '-'}\t${(record.title ?? '').slice(0, 70)}`)
  }
}
console.log(`${documents} documents, ${withSections} with a root-cause or trigger section, ${none} without a category`)
for (const c of CAUSE_CATEGORIES) console.log(`${String(counts.get(c.id)).padStart(4)}  ${c.label}`)
if (process.env.PER) console.log(lines.join('\n'))
