/**
 * `npm run eval`: normalizes every labelled postmortem in ../shared/ (seeds, corpus, corpus-2) with the compiled
 * build and prints each field's accuracy and every miss. Prints nothing to score when ../shared/ is absent.
 */
import { readFileSync } from 'node:fs'
import { DEFAULT_TAG_VOCABULARY } from '../dist/config.js'
import { loadDocument } from '../dist/document.js'
import { FIELDS, SETS, readRows, rowFile, scoreRecord, summarize } from './score.mjs'

const quiet = process.argv.includes('--summary')
const percent = (right, scored) => (scored ? `${Math.round((100 * right) / scored)} %` : '-')
let windowRight = 0
let windowScored = 0
for (const set of SETS) {
  const rows = readRows(set)
  if (rows.length === 0) {
    console.log(`${set}: ../shared/${set}/index.tsv not found, skipped`)
    continue
  }
  const scores = rows.map((row) => {
    const { file, source } = rowFile(set, row)
    const loaded = loadDocument(source, readFileSync(file), { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    if (!loaded.document) throw new Error(`${file} did not load`)
    return scoreRecord(row, loaded.document.record)
  })
  const summary = summarize(scores)
  windowRight += summary.window.right
  windowScored += summary.window.scored
  console.log(
    `${set}: core ${summary.coreRight}/${summary.documents} (${percent(summary.coreRight, summary.documents)}) documents right on title, date, count, first/last event, action items; window ${summary.window.right}/${summary.window.scored} cells`,
  )
  console.log(`  ${FIELDS.map((field) => `${field} ${summary.fields[field].right}/${summary.fields[field].scored}`).join(' · ')}`)
  if (!quiet) for (const miss of summary.misses) console.log(`    ${miss}`)
}
console.log(`impact window, all sets: ${windowRight}/${windowScored} cells (${percent(windowRight, windowScored)})`)
