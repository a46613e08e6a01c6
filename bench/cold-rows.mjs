// The cold-build rows of `npm run bench` (issue 18): the cold build with `--workers` 1, 2 and 4, Eleventy plus the
// Pagefind CLI on Eleventy's output (what users would build instead of Hindsight with search), and the large run
// (`npm run bench -- --count 100000`): cold and warm times, peak memory, output size and the first query's download.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateArchive } from './generate.mjs'

const repo = path.resolve(import.meta.dirname, '..')
/** The Pagefind CLI as npm installs it (`npx pagefind`): its runner starts the platform binary. */
const PAGEFIND_CLI = path.join(repo, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs')

/** Thread counts of the workers rows: `BENCH_WORKERS` (comma-separated; empty skips the rows), else 1, 2 and 4. */
export function workerCounts(env = process.env.BENCH_WORKERS) {
  return (env ?? '1,2,4')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1)
}

/** The Pagefind CLI over Eleventy's `_site`, timed as its own process (its index goes to `_site/pagefind`). */
export function pagefindOnEleventy(timed, eleventyDir) {
  return timed(process.execPath, [PAGEFIND_CLI, '--site', path.join(eleventyDir, '_site'), '--silent'], eleventyDir)
}

/** The build phases a `NODE_DEBUG=hindsight` build printed (`src/debug.ts`): wall and CPU ms by phase name (load, emit, cache). */
export function buildPhases(output) {
  const phases = {}
  for (const [, name, ms, cpuMs] of output.matchAll(/^HINDSIGHT \d+: phase (\w+) (\d+) ms, cpu (\d+) ms/gm))
    phases[name] = { ms: Number(ms), cpuMs: Number(cpuMs) }
  return phases
}

/**
 * Cold builds without search at each thread count, `runs` rounds with the counts interleaved (so a change in the
 * machine's load hits every count alike), each printing its phases (`NODE_DEBUG=hindsight`) so the rows show the load
 * phase (reading and normalizing the files, storing their cache entries) apart; returns the timed runs by count. In
 * each round, right after the two-thread build, a one-thread build runs again up to the end of its load phase
 * (`loadOnly`, stopped there; marked `loadOnly`), so the two-thread load phase sits between two one-thread ones and
 * its speed-up is read against their mean (see `workersFigures`): one slow or fast stretch of a shared machine no
 * longer decides the issue's 1.7x alone, at the cost of one load phase a round.
 */
export async function coldByWorkers({ runs, project, clean, build, loadOnly, log }) {
  const byCount = new Map(workerCounts().map((n) => [n, []]))
  for (let i = 0; i < runs; i++) {
    for (const [n, list] of byCount) {
      clean(project)
      list.push({ ...(await build(project, ['--workers', String(n)], { NODE_DEBUG: 'hindsight' })), round: i })
      const load = list.at(-1).phases?.load
      log(
        `  run ${i + 1}: hindsight cold (no search, --workers ${n}) ${Math.round(list.at(-1).ms)} ms${load ? `, load phase ${load.ms} ms (cpu ${load.cpuMs} ms)` : ''}`,
      )
      if (n !== 2 || !byCount.has(1) || !loadOnly) continue
      clean(project)
      const again = { ...(await loadOnly(project, ['--workers', '1'], { NODE_DEBUG: 'hindsight' })), round: i, loadOnly: true }
      byCount.get(1).push(again)
      const phase = again.phases?.load
      log(`  run ${i + 1}: hindsight load phase again (--workers 1) ${phase ? `${phase.ms} ms (cpu ${phase.cpuMs} ms)` : 'not printed'}`)
    }
  }
  return byCount
}

/**
 * Figures of the workers rows: the median cold build at each count (whole builds only), its ratio to Eleventy and its
 * speed-up over one thread; and the median load phase (wall and CPU ms, every run of the count) with its speed-up over
 * one thread (issue 18: at least 1.7x at two): per round, the mean of the round's one-thread load phases over this
 * count's, then the median over rounds (a round without a one-thread load phase is left out).
 */
export function workersFigures(byCount, eleventyMs, median) {
  const whole = (n) => byCount.get(n).filter((x) => !x.loadOnly)
  const ms = new Map([...byCount.keys()].map((n) => [n, median(whole(n).map((x) => x.ms))]))
  const loads = (list, field) => list.map((x) => x.phases?.load?.[field]).filter((v) => typeof v === 'number')
  const phase = (n, field) => {
    const values = loads(byCount.get(n), field)
    return values.length ? median(values) : null
  }
  const speedup = (n) => {
    const ones = byCount.get(1) ?? []
    const ratios = []
    for (const run of byCount.get(n)) {
      const load = run.phases?.load?.ms
      if (run.loadOnly || typeof load !== 'number') continue
      const base = loads(
        ones.filter((x) => x.round === run.round),
        'ms',
      )
      if (base.length) ratios.push(base.reduce((a, b) => a + b, 0) / base.length / load)
    }
    return ratios.length ? median(ratios) : null
  }
  const one = ms.get(1)
  return [...ms].map(([workers, coldMs]) => ({
    workers,
    coldMs,
    vsEleventy: coldMs / eleventyMs,
    speedup: one ? one / coldMs : null,
    loadMs: phase(workers, 'ms'),
    loadCpuMs: phase(workers, 'cpuMs'),
    loadSpeedup: workers === 1 ? (phase(1, 'ms') === null ? null : 1) : speedup(workers),
    peakRssNodeMb: median(whole(workers).map((x) => x.nodeMb)),
  }))
}

/** Table rows for the workers and Eleventy-plus-Pagefind figures (`f` formats a number), one column per size. */
export function coldRows(results, f) {
  const counts = [...new Set(results.flatMap((r) => (r.workers ?? []).map((w) => w.workers)))]
  return [
    [
      'Eleventy + Pagefind CLI cold (ms)',
      ...results.map((r) => (r.eleventyPagefindMs ? `${f(r.eleventyPagefindMs)} (pagefind ${f(r.pagefindCliMs)})` : 'n/a')),
      '',
    ],
    [
      'cold with search / Eleventy + Pagefind',
      ...results.map((r) => (r.eleventyPagefindMs ? `${f(r.coldSearchMs / r.eleventyPagefindMs, 2)}x` : 'n/a')),
      '<= 2.0x',
    ],
    ...counts.map((n) => [
      `cold, no search, --workers ${n} (ms)`,
      ...results.map((r) => {
        const w = r.workers?.find((x) => x.workers === n)
        return w ? `${f(w.coldMs)} (${f(w.vsEleventy, 2)}x, ${f(w.speedup, 2)}x of 1)` : 'n/a'
      }),
      '',
    ]),
    ...counts.map((n) => [
      `load phase of it, --workers ${n} (ms; CPU ms)`,
      ...results.map((r) => {
        const w = r.workers?.find((x) => x.workers === n)
        return w?.loadMs ? `${f(w.loadMs)}; ${f(w.loadCpuMs)} (${w.loadSpeedup ? f(w.loadSpeedup, 2) : 'n/a'}x of 1)` : 'n/a'
      }),
      n === 2 ? '>= 1.7x of 1' : '',
    ]),
  ]
}

/**
 * `npm run bench -- --count N`: one archive of N postmortems with search, built cold once and then warm after one
 * edit and after none; peak RSS of Node and of the indexer, output size and the reader's first query. Generation
 * writes file by file (nothing of the archive is held), so 100,000 costs what the disk costs.
 */
export async function benchLarge(root, count, h) {
  const dir = path.join(root, String(count))
  const content = path.join(dir, 'content')
  h.log(`\n== ${count} postmortems (large run): generating`)
  const generated = Date.now()
  const files = generateArchive(content, count, 42)
  const generateSeconds = (Date.now() - generated) / 1000
  const project = path.join(dir, 'with-search')
  mkdirSync(project, { recursive: true })
  writeFileSync(
    path.join(project, 'hindsight.config.json'),
    JSON.stringify({ contentDir: content, templatesDir: path.join(repo, 'templates'), search: true, title: 'Benchmark archive' }),
  )
  const cold = await h.indexerPeak(() => h.build(project))
  h.log(`  cold (search) ${Math.round(cold.ms)} ms, Node ${Math.round(cold.nodeMb)} MB, indexer ${Math.round(cold.indexerMb ?? 0)} MB`)
  const warmNoChange = await h.indexerPeak(() => h.build(project))
  h.log(`  warm, no change ${Math.round(warmNoChange.ms)} ms`)
  const warmOne = []
  for (let i = 0; i < 2; i++) {
    h.edit(path.join(content, files[(i * 7919) % files.length]), i)
    warmOne.push(await h.indexerPeak(() => h.build(project)))
    h.log(`  warm, one edit (search) ${Math.round(warmOne.at(-1).ms)} ms, Node ${Math.round(warmOne.at(-1).nodeMb)} MB`)
  }
  const site = path.join(project, 'site')
  let search = null
  try {
    const { measureSearchPayload } = await import('./payload.mjs')
    const payload = await measureSearchPayload(site, '/', 'database', { tag: ['database'] }, { timeoutMs: 300_000 })
    search = { firstQueryBytes: payload.firstQueryBytes, filteredQueryBytes: payload.filteredQueryBytes, firstQueryResults: payload.firstQueryResults }
  } catch (error) {
    h.log(`  search payload not measured: ${error.message.split('\n')[0]}`)
  }
  const siteFiles = readdirSync(site, { recursive: true }).length
  const figures = {
    postmortems: count,
    large: true,
    generateSeconds,
    coldSearchMs: cold.ms,
    coldPeakRssNodeMb: cold.nodeMb,
    coldPeakRssIndexerMb: cold.indexerMb,
    warmNoChangeMs: warmNoChange.ms,
    warmOneChangedSearchMs: h.median(warmOne.map((x) => x.ms)),
    warmOnePeakRssNodeMb: Math.max(...warmOne.map((x) => x.nodeMb ?? 0)),
    warmOnePeakRssIndexerMb: Math.max(...warmOne.map((x) => x.indexerMb ?? 0)),
    siteBytes: h.dirBytes(site),
    siteFiles,
    searchIndexBytes: existsSync(path.join(site, 'pagefind')) ? h.dirBytes(path.join(site, 'pagefind')) : null,
    search,
    raw: { warmOne: warmOne.map((x) => Math.round(x.ms)) },
  }
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true })
  return figures
}

/** The large run's table, against the issue's targets. */
export function largeTable(r, f) {
  const rows = [
    ['figure', `${r.postmortems}`, 'target (100,000)'],
    ['cold build, with search (s)', f(r.coldSearchMs / 1000, 1), '< 900 s'],
    ['warm, one edit, with search (s)', f(r.warmOneChangedSearchMs / 1000, 1), '< 10 s'],
    ['warm, no change (s)', f(r.warmNoChangeMs / 1000, 1), ''],
    ['peak RSS, cold: Node / indexer (MB)', `${f(r.coldPeakRssNodeMb)} / ${f(r.coldPeakRssIndexerMb)}`, '< 1024 MB (Node)'],
    ['peak RSS, warm one edit: Node / indexer (MB)', `${f(r.warmOnePeakRssNodeMb)} / ${f(r.warmOnePeakRssIndexerMb)}`, '< 1024 MB (Node)'],
    ['output: site (MB, files) / search index (MB)', `${f(r.siteBytes / 1e6, 1)}, ${r.siteFiles} / ${f((r.searchIndexBytes ?? NaN) / 1e6, 1)}`, ''],
    [
      'search download: first / filtered query (kB)',
      r.search ? `${f(r.search.firstQueryBytes / 1000, 1)} / ${f(r.search.filteredQueryBytes / 1000, 1)}` : 'n/a',
      '< 400 kB (first)',
    ],
    ['generating the archive (s)', f(r.generateSeconds, 1), ''],
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)))
  return rows
    .map(
      (row, j) => `| ${row.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |${j === 0 ? `\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : ''}`,
    )
    .join('\n')
}
