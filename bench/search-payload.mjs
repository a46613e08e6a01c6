#!/usr/bin/env node
// Search payload at scale: indexes N synthetic postmortems (default 10,000) with the real search pipeline, serves the
// search page in Chromium and prints the bytes a reader downloads for a first query and a filtered follow-up.
// Usage: npm run compile && node bench/search-payload.mjs [--count 10000] [--base /archive/] [--query database] [--tag dns]
// Targets (issue 5): first query <= 300 kB (library included), follow-up <= 100 kB.
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../dist/config.js'
import { createRenderer } from '../dist/site/render.js'
import { buildSearchIndex } from '../dist/search/index.js'
import { emptyRecord } from '../dist/normalize/index.js'
import { measureSearchPayload } from './payload.mjs'
import { writeFile, mkdir } from 'node:fs/promises'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    base: { type: 'string', default: '/' },
    query: { type: 'string', default: 'database' },
    tag: { type: 'string', default: 'dns' },
    keep: { type: 'boolean', default: false },
  },
})
const count = Number(args.count)

function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(42)
const pick = (list) => list[Math.floor(random() * list.length)]
const syllables = ['ka', 'ro', 'ti', 'men', 'sal', 'ver', 'no', 'qua', 'lis', 'dor', 'pe', 'trum', 'ex', 'ban', 'cy', 'lo', 'fen', 'gar', 'hu', 'zo']
// 6,000 filler words drawn Zipf-like, so the index has realistic breadth and skew; technical words come only from the
// postmortem's own tags, so a query like "database" matches the share of the archive it would in real life.
const filler = Array.from(
  { length: 6000 },
  (_, i) => syllables[i % 20] + syllables[Math.floor(i / 20) % 20] + (i >= 400 ? syllables[Math.floor(i / 400) % 20] : ''),
)
const zipf = () => filler[Math.min(filler.length - 1, Math.floor(Math.exp(random() * Math.log(filler.length))) - 1)]
const topics = {
  database: ['database', 'replica', 'query', 'postgres'],
  migration: ['migration', 'schema', 'upgrade'],
  deploy: ['deploy', 'rollout', 'rollback', 'release'],
  dns: ['dns', 'resolver', 'zone', 'nameserver'],
  network: ['network', 'latency', 'packet', 'router'],
  configuration: ['config', 'flag', 'setting'],
  capacity: ['capacity', 'overload', 'traffic', 'autoscaling'],
  storage: ['disk', 'volume', 'backup', 'filesystem'],
  certificate: ['certificate', 'tls', 'expiry'],
  authentication: ['login', 'token', 'password', 'oauth'],
  'third-party': ['vendor', 'provider', 'upstream'],
  security: ['security', 'leak', 'vulnerability'],
}
const tags = Object.keys(topics)
let docTopics = []
const sentence = (n) => Array.from({ length: n }, () => (random() < 0.08 ? pick(docTopics) : zipf())).join(' ') + '.'
const sites = Array.from({ length: 25 }, (_, i) => `site-${i + 1}`)

function record(i) {
  const docTags = [...new Set([pick(tags), ...(random() < 0.5 ? [pick(tags)] : [])])]
  docTopics = docTags.flatMap((t) => topics[t])
  const year = 2012 + Math.floor(random() * 14)
  const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
  const section = (key, heading, text) => ({ key, id: heading.toLowerCase().replace(/ /g, '-'), heading, text, html: '', line: 1 })
  const timeline = Array.from({ length: 8 + Math.floor(random() * 8) }, (_, k) => ({
    at: null,
    date,
    time: `${String(8 + k).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`,
    text: sentence(12),
    line: k + 10,
  }))
  const actionItems = Array.from({ length: 2 + Math.floor(random() * 5) }, () => ({ text: sentence(8), kind: 'fix', done: random() < 0.5, owner: null }))
  return {
    ...emptyRecord(`${i}.md`, `${date}-incident-${i}`),
    title: `Incident ${i}: ${sentence(5)}`,
    summary: sentence(30),
    date,
    tags: docTags,
    site: [pick(sites)],
    severity: pick(['sev1', 'sev2', 'sev3', 'sev4']),
    sections: [
      section('summary', 'Summary', sentence(30)),
      section('impact', 'Impact', sentence(40)),
      section('rootCause', 'Root cause', sentence(60)),
      section('resolution', 'Resolution', sentence(40)),
      section('timeline', 'Timeline', timeline.map((e) => `${e.time} ${e.text}`).join('\n')),
      section('actionItems', 'Action items', actionItems.map((a) => a.text).join('\n')),
    ],
    timeline,
    actionItems,
  }
}

const root = await mkdtemp(path.join(os.tmpdir(), 'hindsight-search-bench-'))
try {
  const project = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
  const config = loadConfig(root, { base: args.base, outDir: path.join(root, 'site'), templatesDir: path.join(project, 'templates') })
  const documents = Array.from({ length: count }, (_, i) => ({ record: record(i), html: '' }))
  const started = performance.now()
  const index = await buildSearchIndex(documents, config.outDir, config)
  const indexMs = performance.now() - started
  const html = createRenderer(config)({ path: 'search/index.html', template: 'search', data: { title: 'Search' } })
  await mkdir(path.join(config.outDir, 'search'), { recursive: true })
  await writeFile(path.join(config.outDir, 'search', 'index.html'), html)
  await cp(path.join(project, 'templates', 'assets'), path.join(config.outDir, 'assets'), { recursive: true })
  const payload = await measureSearchPayload(config.outDir, config.base, args.query, { tag: [args.tag] })
  const kB = (n) => Math.round(n / 100) / 10
  console.log(
    JSON.stringify(
      {
        postmortems: count,
        indexFiles: index.files,
        indexBytes: index.bytes,
        indexSeconds: Math.round(indexMs / 100) / 10,
        query: args.query,
        filter: { tag: args.tag },
        firstQueryKB: kB(payload.firstQueryBytes),
        firstQuerySearchKB: kB(payload.firstQuerySearchBytes),
        filteredQueryKB: kB(payload.filteredQueryBytes),
        firstQueryGzipKB: kB(payload.firstQueryGzipBytes),
        filteredQueryGzipKB: kB(payload.filteredQueryGzipBytes),
        firstQueryResults: payload.firstQueryResults,
        filteredQueryResults: payload.filteredQueryResults,
        targetsMet: payload.firstQueryBytes <= 300_000 && payload.filteredQueryBytes <= 100_000,
        requests: payload.requests.map((r) => `${r.step} ${r.path} ${r.bytes} (gzip ${r.gzipBytes})`),
      },
      null,
      2,
    ),
  )
} finally {
  if (!args.keep) await rm(root, { recursive: true, force: true })
  else console.error(`kept ${root}`)
}
