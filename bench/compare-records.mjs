#!/usr/bin/env node
// Normalizes the same files with two compiled checkouts and compares what the normalizer returns byte for byte: each
// file's record (diagnostics included), whole-document HTML, images and refs, with no default zone and with one.
// Usage: node bench/compare-records.mjs OTHER_DIST [THIS_DIST]   (THIS_DIST defaults to this checkout's dist/)
// Files: ../shared/{seeds,corpus,corpus-2} when present (under the source names eval uses), every test/fixtures/*/input.md, and COMPARE_COUNT (default
// 1000) synthetic postmortems from bench/generate.mjs. Exit status 1 when any file differs, with the first few named.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateArchive } from './generate.mjs'
import { readRows, rowFile } from './score.mjs'

const repo = path.resolve(import.meta.dirname, '..')
const [otherArg, thisArg] = process.argv.slice(2)
if (!otherArg) {
  console.error('usage: node bench/compare-records.mjs OTHER_DIST [THIS_DIST]')
  process.exit(2)
}
const load = async (dist) => {
  const { loadDocument } = await import(pathToFileURL(path.join(path.resolve(dist), 'document.js')).href)
  const { DEFAULT_TAG_VOCABULARY } = await import(pathToFileURL(path.join(path.resolve(dist), 'config.js')).href)
  return { loadDocument, vocabulary: DEFAULT_TAG_VOCABULARY }
}
const sides = [await load(otherArg), await load(thisArg ?? path.join(repo, 'dist'))]

/** Every Markdown or text file under a folder, as `{ source, bytes }`. */
function readAll(dir, set) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(md|markdown|txt)$/.test(entry.name) || entry.name === 'README.md') continue
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    out.push({ set, source: path.relative(dir, file), bytes: readFileSync(file) })
  }
  return out
}

const files = []
// The labelled sets under the source names eval gives them (a dated file name is evidence the normalizer reads).
for (const set of ['seeds', 'corpus', 'corpus-2'])
  for (const row of readRows(set)) {
    const { file, source } = rowFile(set, row)
    if (existsSync(file)) files.push({ set, source, name: `${row.id} (${source})`, bytes: readFileSync(file) })
  }
const fixtures = path.join(repo, 'test', 'fixtures')
for (const name of readdirSync(fixtures)) {
  const input = path.join(fixtures, name, 'input.md')
  if (existsSync(input)) files.push({ set: 'fixtures', source: `${name}/input.md`, bytes: readFileSync(input) })
}
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-compare-'))
try {
  generateArchive(scratch, Number(process.env.COMPARE_COUNT ?? 1000))
  files.push(...readAll(scratch, 'synthetic'))
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

const differing = []
for (const defaultTimezone of [null, 'America/New_York']) {
  for (const file of files) {
    const [a, b] = sides.map(({ loadDocument, vocabulary }) =>
      JSON.stringify(loadDocument(file.source, file.bytes, { defaultTimezone, tagVocabulary: vocabulary })),
    )
    if (a !== b) differing.push(`${file.set}/${file.name ?? file.source} (default zone ${defaultTimezone})`)
  }
}
console.log(`${files.length} files x 2 zone settings compared: ${differing.length} differ`)
for (const name of differing.slice(0, 20)) console.log(`  differs: ${name}`)
process.exit(differing.length ? 1 : 0)
