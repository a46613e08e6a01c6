#!/usr/bin/env node
// npm run bench: seeded synthetic archives (1,000 and 10,000 postmortems by default) built by Hindsight and by
// Eleventy in the same run; medians of several runs; prints a table and writes bench/results.json.
// Env: BENCH_SIZES=1000,10000  BENCH_RUNS=3 (default: 3 below 10,000 postmortems, 1 at 10,000, where one cold
// build takes minutes on this 2-core machine; warm builds without search run at least 3 times)  BENCH_DEV_SAVES=7 (3 at 10,000)  BENCH_KEEP=1 (keep the temp folder)  BENCH_OUT=path
// BENCH_WORKERS=1,2,4 (thread counts of the cold rows; empty: none). `npm run bench -- --count N`: the large run
// instead (bench/cold-rows.mjs): one archive of N with search, cold and warm, memory, output size, first query.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateArchive } from './generate.mjs'
import { setupEleventy } from './eleventy.mjs'
import { benchLarge, buildPhases, coldByWorkers, coldRows, largeTable, pagefindOnEleventy, workersFigures } from './cold-rows.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist', 'cli.js')
const reportRss = path.join(repo, 'bench', 'report-rss.mjs')
const eleventyCli = path.join(repo, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs')
const countArg = process.argv.indexOf('--count')
/** `--count N`: the large run at N postmortems (not part of the default run). */
const largeCount = countArg >= 0 ? Number(process.argv[countArg + 1]) : null
if (largeCount !== null && !(Number.isInteger(largeCount) && largeCount > 0)) throw new Error(`--count needs a whole number, not ${process.argv[countArg + 1]}`)
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)
const runsFor = (count) => Number(process.env.BENCH_RUNS ?? (count >= 10000 ? 1 : 3))
/** Warm builds without search take seconds even at 10,000, so they get at least three runs (and a median) at every size. */
const warmRunsFor = (count) => Math.max(3, runsFor(count))
const devSavesFor = (count) => Number(process.env.BENCH_DEV_SAVES ?? (count >= 10000 ? 3 : 7))
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null
}
const log = (line) => process.stderr.write(`${line}\n`)

/**
 * Peak RSS (VmHWM) of the Pagefind indexer processes seen while `run` runs, in MB, or null: sampled from /proc,
 * since the indexer may exit after the Node process that started it, and GNU time then never counts it.
 */
async function indexerPeak(run) {
  let peak = null
  const sample = () => {
    for (const pid of existsSync('/proc') ? readdirSync('/proc').filter((name) => /^\d+$/.test(name)) : []) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        if (!/^Name:\s*pagefind/m.test(status)) continue
        const kb = Number(/^VmHWM:\s*(\d+)/m.exec(status)?.[1] ?? NaN)
        if (kb) peak = Math.max(peak ?? 0, kb / 1024)
      } catch {
        // the process ended between listing and reading: nothing to sample
      }
    }
  }
  const timer = setInterval(sample, 100)
  try {
    return { ...(await run()), indexerMb: peak }
  } finally {
    clearInterval(timer)
  }
}

/**
 * Runs a command as a child; returns wall ms, the peak RSS of the process tree (GNU time) and Node's own (printed by
 * bench/report-rss.mjs when preloaded), and with `env` naming NODE_DEBUG=hindsight each build phase's wall and CPU ms.
 */
function timed(cmd, args, cwd, env = undefined) {
  const rssFile = path.join(os.tmpdir(), `hindsight-bench-rss-${process.pid}`)
  const [bin, argv] = timeBin ? [timeBin, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(bin, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: env && { ...process.env, ...env } })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      const treeKb = timeBin && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : null
      const nodeKb = Number(/hindsight-max-rss-kb (\d+)/.exec(out)?.[1] ?? NaN) || null
      if (code !== 0 && code !== 1) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`))
      resolve({ ms, treeMb: treeKb && treeKb / 1024, nodeMb: nodeKb && nodeKb / 1024, phases: buildPhases(out) })
    })
  })
}

/**
 * Runs a `NODE_DEBUG=hindsight` build until it prints the end of its load phase, then stops it (the bench's bracketing
 * one-thread load phase, see `coldByWorkers`): wall ms to that line and the phases printed. No GNU time wrapper, so the
 * signal reaches Node itself; its staging folder is removed.
 */
function timedLoadPhase(cmd, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
    let out = ''
    let ms = null
    const read = (d) => {
      out += d
      if (ms === null && /^HINDSIGHT \d+: phase load /m.test(out)) {
        ms = performance.now() - started
        child.kill('SIGKILL')
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('error', reject)
    child.on('close', (code) => {
      // The stopped build's staging folder (`.site-staging-<pid>`) would otherwise be removed by the next build, on its clock.
      for (const name of readdirSync(cwd)) if (/^\.site-(?:staging|old|txn)-\d+$/.test(name)) rmSync(path.join(cwd, name), { recursive: true, force: true })
      if (ms === null && code !== 0 && code !== 1) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`))
      resolve({ ms: ms ?? performance.now() - started, treeMb: null, nodeMb: null, phases: buildPhases(out) })
    })
  })
}

const dirBytes = (dir) => {
  let total = 0
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? dirBytes(full) : statSync(full).size
  }
  return total
}

/** A paragraph of prose alone: no heading, list, table, quote, bold label, label line ("Timeline:") or timestamp. */
const NOT_PROSE = /^\s*(?:#|[-*+•|>]|\d+[.)]\s|\d{1,2}:\d{2}|\*\*|[A-Z][\w ]*:\s*$)/
const isProse = (paragraph) => paragraph.length >= 120 && paragraph.split('\n').every((line) => line.trim() !== '' && !NOT_PROSE.test(line))

/**
 * Adds a sentence to a postmortem's last prose paragraph (its root cause or conclusion): the "one prose edit" of the
 * warm rows, a real edit, different each time, which only the postmortem's own page, JSON and search entry show.
 */
const edit = (file, n) => {
  const parts = readFileSync(file, 'utf8').split(/(\n[ \t]*\n)/)
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    if (i % 2 === 1 || !isProse(parts[i].trim())) continue
    parts[i] = `${parts[i].trimEnd()} Edited for the benchmark, revision ${n}.`
    return writeFileSync(file, parts.join(''))
  }
  throw new Error(`${file} has no prose paragraph to edit`)
}

/**
 * Appends a line at the end of a postmortem: in about half of the generated files it lands in a list that other pages
 * show (an action item on /actions/, a timeline line in the stats), so the indexes are planned again.
 */
const appendLine = (file, n) => appendFileSync(file, `\nEdited for the benchmark, revision ${n}.\n`)

async function benchSize(root, count) {
  const runs = runsFor(count)
  const devSaves = devSavesFor(count)
  const dir = path.join(root, String(count))
  const content = path.join(dir, 'content')
  log(`\n== ${count} postmortems: generating`)
  const files = generateArchive(content, count, 42)
  const project = (name, search) => {
    const p = path.join(dir, name)
    mkdirSync(p, { recursive: true })
    writeFileSync(
      path.join(p, 'hindsight.config.json'),
      JSON.stringify({ contentDir: content, templatesDir: path.join(repo, 'templates'), search, title: 'Benchmark archive' }),
    )
    return p
  }
  const withSearch = project('with-search', true)
  const noSearch = project('no-search', false)
  const eleventyDir = path.join(dir, 'eleventy')
  mkdirSync(eleventyDir, { recursive: true })
  const eleventyConfig = setupEleventy(eleventyDir, content)
  const clean = (p) => {
    for (const d of ['site', '.hindsight', '_site', '.cache']) rmSync(path.join(p, d), { recursive: true, force: true })
  }
  const ours = (p, extra = [], env = undefined) => timed(process.execPath, ['--import', reportRss, cli, 'build', ...extra], p, env)
  const r = {
    postmortems: count,
    pagefindCli: [],
    eleventyCold: [],
    coldNoSearch: [],
    coldSearch: [],
    warmNoChange: [],
    warmOneNoSearch: [],
    warmOneSearch: [],
    warmAppendSearch: [],
  }
  for (let i = 0; i < runs; i++) {
    // Interleaved, so load from other processes on the machine hits both tools alike.
    clean(eleventyDir)
    r.eleventyCold.push(await timed(process.execPath, [eleventyCli, `--config=${eleventyConfig}`, '--quiet'], eleventyDir))
    log(`  run ${i + 1}: eleventy cold ${Math.round(r.eleventyCold.at(-1).ms)} ms`)
    r.pagefindCli.push(await indexerPeak(() => pagefindOnEleventy(timed, eleventyDir)))
    log(`  run ${i + 1}: pagefind CLI on eleventy's output ${Math.round(r.pagefindCli.at(-1).ms)} ms`)
    clean(noSearch)
    r.coldNoSearch.push(await ours(noSearch))
    log(`  run ${i + 1}: hindsight cold (no search) ${Math.round(r.coldNoSearch.at(-1).ms)} ms`)
    clean(withSearch)
    r.coldSearch.push(await indexerPeak(() => ours(withSearch)))
    log(`  run ${i + 1}: hindsight cold (search) ${Math.round(r.coldSearch.at(-1).ms)} ms`)
  }
  const loadOnly = (p, extra, env) => timedLoadPhase(process.execPath, ['--import', reportRss, cli, 'build', ...extra], p, env)
  const byWorkers = await coldByWorkers({ runs, project: noSearch, clean, build: ours, loadOnly, log })
  const warmRuns = warmRunsFor(count)
  for (let i = 0; i < warmRuns; i++) r.warmNoChange.push(await ours(withSearch))
  log(`  warm no change ${r.warmNoChange.map((x) => Math.round(x.ms)).join(', ')} ms`)
  for (let i = 0; i < warmRuns; i++) {
    edit(path.join(content, files[(i * 7919) % files.length]), i)
    r.warmOneNoSearch.push(await ours(noSearch))
    // With search, each edit goes into the delta beside the base index (see src/search/delta.ts), so it grows by one a run.
    r.warmOneSearch.push(await ours(withSearch))
  }
  log(`  warm one changed ${r.warmOneNoSearch.map((x) => Math.round(x.ms)).join(', ')} ms (search: ${r.warmOneSearch.map((x) => Math.round(x.ms)).join(', ')})`)
  // A line appended at the end of a file: in about half of the files an action item or a timeline line, shown on other pages.
  for (let i = 0; i < warmRuns; i++) {
    appendLine(path.join(content, files[(i * 7919 + 1) % files.length]), i)
    r.warmAppendSearch.push(await ours(withSearch))
  }
  log(`  warm, a line appended (search) ${r.warmAppendSearch.map((x) => Math.round(x.ms)).join(', ')} ms`)

  // Dev: the incremental builder in-process, as `hindsight dev` drives it: save -> update() resolved.
  const { loadConfig } = await import(path.join(repo, 'dist', 'config.js'))
  const { createBuilder } = await import(path.join(repo, 'dist', 'builder.js'))
  const devConfig = loadConfig(noSearch, { outDir: path.join(noSearch, 'site-dev') })
  const builder = createBuilder(devConfig, { mode: 'dev' })
  await builder.build()
  // Save to page updated: the saved postmortem's page is written (and `dev` tells open tabs to reload); the indexes,
  // feeds and JSON export follow in the same update, measured as "settled".
  const dev = []
  const devSettled = []
  for (let i = 0; i < devSaves; i++) {
    const file = path.join(content, files[(i * 104729 + 13) % files.length])
    edit(file, 100 + i)
    const started = performance.now()
    let page = null
    await builder.update([file], { keepLastGood: true, onPages: () => (page ??= performance.now() - started) })
    devSettled.push(performance.now() - started)
    dev.push(page ?? devSettled.at(-1))
  }
  log(`  dev save to page updated ${dev.map(Math.round).join(', ')} ms; settled (indexes too) ${devSettled.map(Math.round).join(', ')} ms`)

  let search = null
  try {
    const { measureSearchPayload } = await import('./payload.mjs')
    const site = path.join(withSearch, 'site')
    const payload = await measureSearchPayload(site, '/', 'database', { tag: ['database'] })
    search = {
      indexBytes: dirBytes(path.join(site, 'pagefind')),
      indexFiles: readdirSync(path.join(site, 'pagefind'), { recursive: true }).length,
      firstQueryBytes: payload.firstQueryBytes,
      filteredQueryBytes: payload.filteredQueryBytes,
      firstQueryResults: payload.firstQueryResults,
      filteredQueryResults: payload.filteredQueryResults,
    }
  } catch (error) {
    log(`  search payload not measured: ${error.message.split('\n')[0]}`)
    const site = path.join(withSearch, 'site', 'pagefind')
    if (existsSync(site)) search = { indexBytes: dirBytes(site), indexFiles: readdirSync(site, { recursive: true }).length }
  }
  const ms = (list) => median(list.map((x) => x.ms))
  const eleventy = ms(r.eleventyCold)
  const figures = {
    postmortems: count,
    runs,
    eleventyColdMs: eleventy,
    eleventyPeakRssMb: median(r.eleventyCold.map((x) => x.treeMb)),
    coldNoSearchMs: ms(r.coldNoSearch),
    coldSearchMs: ms(r.coldSearch),
    warmNoChangeMs: ms(r.warmNoChange),
    warmOneChangedNoSearchMs: ms(r.warmOneNoSearch),
    warmOneChangedSearchMs: ms(r.warmOneSearch),
    warmAppendSearchMs: ms(r.warmAppendSearch),
    devRebuildMedianMs: median(dev),
    devSettledMedianMs: median(devSettled),
    coldPeakRssNodeMb: median(r.coldSearch.map((x) => x.nodeMb)),
    coldPeakRssTreeMb: median(r.coldSearch.map((x) => x.treeMb)),
    coldPeakRssIndexerMb: median(r.coldSearch.map((x) => x.indexerMb).filter((x) => x !== null)),
    coldNoSearchPeakRssNodeMb: median(r.coldNoSearch.map((x) => x.nodeMb)),
    search,
    pagefindCliMs: ms(r.pagefindCli),
    eleventyPagefindMs: median(r.eleventyCold.map((x, i) => x.ms + r.pagefindCli[i].ms)),
    workers: workersFigures(byWorkers, eleventy, median),
  }
  figures.ratios = {
    coldNoSearch: figures.coldNoSearchMs / eleventy,
    coldSearch: figures.coldSearchMs / eleventy,
    coldSearchVsEleventyPagefind: figures.coldSearchMs / figures.eleventyPagefindMs,
    warmOneChangedNoSearch: figures.warmOneChangedNoSearchMs / eleventy,
    warmOneChangedSearch: figures.warmOneChangedSearchMs / eleventy,
    warmAppendSearch: figures.warmAppendSearchMs / eleventy,
    warmNoChange: figures.warmNoChangeMs / eleventy,
  }
  figures.raw = Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, v.map((x) => Math.round(x.ms))]),
  )
  for (const [n, list] of byWorkers) {
    figures.raw[`coldWorkers${n}`] = list.map((x) => Math.round(x.ms))
    figures.raw[`coldWorkers${n}Load`] = list.map((x) => x.phases?.load?.ms ?? null)
  }
  figures.raw.dev = dev.map(Math.round)
  figures.raw.devSettled = devSettled.map(Math.round)
  return figures
}

function table(results) {
  const f = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(d))
  const rows = [
    ['figure', ...results.map((r) => `${r.postmortems}`), 'target (10,000)'],
    ['Eleventy cold build (ms)', ...results.map((r) => f(r.eleventyColdMs)), ''],
    ['cold build, no search (ms)', ...results.map((r) => `${f(r.coldNoSearchMs)} (${f(r.ratios.coldNoSearch, 2)}x)`), '<= 2.5x'],
    ['cold build, with search (ms)', ...results.map((r) => `${f(r.coldSearchMs)} (${f(r.ratios.coldSearch, 2)}x)`), 'see + Pagefind'],
    ['warm, one changed, no search (ms)', ...results.map((r) => `${f(r.warmOneChangedNoSearchMs)} (${f(r.ratios.warmOneChangedNoSearch, 3)}x)`), '<= 0.15x'],
    ['warm with search (one edit) (ms)', ...results.map((r) => `${f(r.warmOneChangedSearchMs)} (${f(r.ratios.warmOneChangedSearch, 3)}x)`), '<= 0.15x'],
    ['warm with search, a line appended (ms)', ...results.map((r) => `${f(r.warmAppendSearchMs)} (${f(r.ratios.warmAppendSearch, 3)}x)`), ''],
    ['warm, no change, with search (ms)', ...results.map((r) => `${f(r.warmNoChangeMs)} (${f(r.ratios.warmNoChange, 3)}x)`), '<= 0.1x'],
    ['dev: save to page updated, median (ms)', ...results.map((r) => f(r.devRebuildMedianMs)), '<= 100 ms'],
    ['dev: save to indexes updated, median (ms)', ...results.map((r) => f(r.devSettledMedianMs)), 'reported'],
    ['peak RSS, cold: Node / search indexer (MB)', ...results.map((r) => `${f(r.coldPeakRssNodeMb)} / ${f(r.coldPeakRssIndexerMb)}`), '<= 600 MB (Node)'],
    ['Eleventy peak RSS (MB)', ...results.map((r) => f(r.eleventyPeakRssMb)), ''],
    ['search index (kB, files)', ...results.map((r) => (r.search ? `${f(r.search.indexBytes / 1000)} kB, ${r.search.indexFiles}` : 'n/a')), ''],
    [
      'search download: first / filtered query (kB)',
      ...results.map((r) => (r.search?.firstQueryBytes ? `${f(r.search.firstQueryBytes / 1000, 1)} / ${f(r.search.filteredQueryBytes / 1000, 1)}` : 'n/a')),
      '<= 300 / 100 kB',
    ],
    ...coldRows(results, f),
  ]
  if (results.length >= 2) {
    const [a, b] = [results[0], results.at(-1)]
    rows.push([`cold ${b.postmortems} / cold ${a.postmortems}`, '', `${f(b.coldSearchMs / a.coldSearchMs, 1)}x`, `<= ${b.postmortems / a.postmortems + 1}x`])
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)))
  return rows
    .map(
      (r, j) =>
        `| ${r.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |${j === 0 ? `\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : ''}`,
    )
    .join('\n')
}

/**
 * The normalizer's cost per file, stage by stage (issue 18), from bench/normalize-cost.mjs --stages in its own
 * process: the per-stage table it prints, or a note when it fails. BENCH_STAGE_COUNT (300) synthetic files, 3 passes.
 */
function normalizeStages() {
  const env = { ...process.env, NORMALIZE_COUNT: process.env.BENCH_STAGE_COUNT ?? '300', NORMALIZE_PASSES: '3' }
  const run = spawnSync(process.execPath, [path.join(repo, 'bench', 'normalize-cost.mjs'), '--stages'], { env, encoding: 'utf8' })
  return run.status === 0 ? run.stdout.trim() : `normalize stages: failed (${(run.stderr || '').trim().split('\n').at(-1)})`
}

const root = await mkdtemp(path.join(os.tmpdir(), 'hindsight-bench-'))
const started = Date.now()
try {
  if (largeCount !== null) {
    const large = await benchLarge(root, largeCount, {
      log,
      build: (p) => timed(process.execPath, ['--import', reportRss, cli, 'build'], p),
      indexerPeak,
      dirBytes,
      edit,
      median,
    })
    const out = {
      command: `npm run bench -- --count ${largeCount}`,
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.availableParallelism(),
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      seconds: Math.round((Date.now() - started) / 1000),
      results: [large],
    }
    writeFileSync(process.env.BENCH_OUT ?? path.join(repo, 'bench', `results-${largeCount}.json`), JSON.stringify(out, null, 2) + '\n')
    console.log(largeTable(large, (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(d))))
    console.log(`\n${out.command} — ${out.seconds} s, Node ${out.node}, ${out.cpus} cores, load ${out.loadAverage.join(' ')}`)
  } else await defaultRun()
} finally {
  if (!process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true })
  else log(`kept ${root}`)
}

/** The default run: every size of BENCH_SIZES against Eleventy, the table, results.json and the per-stage costs. */
async function defaultRun() {
  const results = []
  for (const count of sizes) results.push(await benchSize(root, count))
  const out = {
    command: `${process.env.BENCH_SIZES ? `BENCH_SIZES=${process.env.BENCH_SIZES} ` : ''}${process.env.BENCH_RUNS ? `BENCH_RUNS=${process.env.BENCH_RUNS} ` : ''}npm run bench`,
    runs: Object.fromEntries(sizes.map((n) => [n, runsFor(n)])),
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    seconds: Math.round((Date.now() - started) / 1000),
    results,
  }
  writeFileSync(process.env.BENCH_OUT ?? path.join(repo, 'bench', 'results.json'), JSON.stringify(out, null, 2) + '\n')
  console.log(table(results))
  console.log(`\n${out.command} — ${out.seconds} s, Node ${out.node}, ${out.cpus} cores, load ${out.loadAverage.join(' ')}`)
  console.log(`\nNormalizer cost per file, by stage (bench/normalize-cost.mjs --stages):\n${normalizeStages()}`)
}
