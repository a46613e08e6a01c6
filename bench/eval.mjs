/**
 * `npm run eval`: normalizes every labelled postmortem in ../shared/ (seeds, corpus, corpus-2) with the compiled
 * build and prints each field's accuracy and every miss. Prints nothing to score when ../shared/ is absent.
 */
import { readFileSync } from 'node:fs'
import { DEFAULT_TAG_VOCABULARY } from '../dist/config.js'
import { loadDocument } from '../dist/document.js'
import { offsetOn, parseZone } from '../dist/normalize/time/zones.js'
import { FIELDS, SETS, readRows, rowFile, scoreRecord, summarize } from './score.mjs'

/** A label's zone: the whole cell, else its parts around parentheses ("Denver (America/Denver)"). */
function labelZone(label) {
  return [label, ...label.split(/[()]/)].map((part) => parseZone(part.trim())).find(Boolean) ?? null
}

/**
 * Whether a zone written differently from its label names the same zone: the same region (`PST`, `Pacific time`)
 * or the same offset on the incident's day. Printed beside the as-written count, never counted in it.
 */
function namesSameZone(label, record) {
  const want = labelZone(label)
  const got = parseZone(record.timezone ?? '')
  if (!want || !got) return false
  if (want.iana && want.iana === got.iana) return true
  const day = record.date ?? record.impact?.start?.date ?? null
  const offset = offsetOn(day, want)
  return offset !== null && offset === offsetOn(day, got)
}

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
  const sameZone = []
  const scores = rows.map((row) => {
    const { file, source } = rowFile(set, row)
    const loaded = loadDocument(source, readFileSync(file), { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    if (!loaded.document) throw new Error(`${file} did not load`)
    const record = loaded.document.record
    const { timezone } = row.labels
    if (timezone && record.timezone !== timezone && namesSameZone(timezone, record)) sameZone.push(row.id)
    return scoreRecord(row, record)
  })
  const summary = summarize(scores)
  windowRight += summary.window.right
  windowScored += summary.window.scored
  console.log(
    `${set}: core ${summary.coreRight}/${summary.documents} (${percent(summary.coreRight, summary.documents)}) documents right on title, date, count, first/last event, action items; window ${summary.window.right}/${summary.window.scored} cells`,
  )
  console.log(`  ${FIELDS.map((field) => `${field} ${summary.fields[field].right}/${summary.fields[field].scored}`).join(' · ')}`)
  if (sameZone.length) {
    const zones = summary.fields.timezone
    console.log(
      `  timezone misses that name the labelled zone in another form: ${sameZone.join(', ')} (same zone ${zones.right + sameZone.length}/${zones.scored})`,
    )
  }
  if (!quiet) for (const miss of summary.misses) console.log(`    ${miss}`)
}
console.log(`impact window, all sets: ${windowRight}/${windowScored} cells (${percent(windowRight, windowScored)})`)
