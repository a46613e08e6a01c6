#!/usr/bin/env node
// npm run bench:normalize: the normalizer's cost per postmortem, in one process, on a seeded synthetic archive
// (bench/generate.mjs) and on ../shared/ when present. Prints the median over passes of ms per file, per set.
// Env: NORMALIZE_COUNT=1000  NORMALIZE_PASSES=5  NORMALIZE_DIST=path/to/dist (compare another build's normalizer)
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateArchive } from './generate.mjs'

const repo = path.resolve(import.meta.dirname, '..')
const dist = path.resolve(process.env.NORMALIZE_DIST ?? path.join(repo, 'dist'))
const { loadDocument } = await import(pathToFileURL(path.join(dist, 'document.js')).href)
const { DEFAULT_TAG_VOCABULARY } = await import(pathToFileURL(path.join(dist, 'config.js')).href)
const count = Number(process.env.NORMALIZE_COUNT ?? 1000)
const passes = Number(process.env.NORMALIZE_PASSES ?? 5)
const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** Every file under a folder, as `{ source, bytes }`, read once so the timing holds no I/O. */
function readAll(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(md|markdown|txt)$/.test(entry.name) || entry.name === 'README.md') continue
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    out.push({ source: path.relative(dir, file), bytes: readFileSync(file) })
  }
  return out
}

function msPerFile(files) {
  const times = []
  for (let pass = 0; pass <= passes; pass++) {
    const started = performance.now()
    for (const file of files) loadDocument(file.source, file.bytes, options)
    if (pass > 0) times.push((performance.now() - started) / files.length)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-normalize-'))
try {
  generateArchive(scratch, count)
  const sets = [[`synthetic ${count}`, readAll(scratch)]]
  const shared = path.resolve(repo, '../shared')
  for (const name of ['seeds', 'corpus', 'corpus-2']) if (existsSync(path.join(shared, name))) sets.push([name, readAll(path.join(shared, name))])
  for (const [name, files] of sets) console.log(`${name.padEnd(16)} ${String(files.length).padStart(5)} files  ${msPerFile(files).toFixed(3)} ms per file (median of ${passes} passes)`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
