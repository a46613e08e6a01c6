#!/usr/bin/env node
// Dev rebuild latency (issue 4): builds a synthetic archive of N postmortems, starts `dev` in process on a free
// port, then edits one postmortem R times and measures save -> page updated (polled over HTTP, as a reader sees it).
// Usage: npm run compile && node bench/dev-latency.mjs [--count 1000,10000] [--runs 15]
// Target: median <= 100 ms at 10,000.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateArchive } from './generate.mjs'
import { startDev } from '../dist/dev/session.js'

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '15' } } })
const agent = new http.Agent({ keepAlive: false })

const get = (url) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c) => {
          body += c
        })
        res.on('end', () => resolve({ status: res.statusCode, body }))
      })
      .on('error', reject)
  })

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function measure(count, runs) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `hindsight-devbench-${count}-`))
  try {
    const files = generateArchive(path.join(dir, 'content'), count)
    await cp('templates', path.join(dir, 'templates'), { recursive: true })
    const lines = []
    const started = performance.now()
    const session = await startDev({ cwd: dir, port: 0, host: '127.0.0.1', searchDelayMs: 600_000, log: (l) => lines.push(l) })
    const startup = performance.now() - started
    const records = JSON.parse((await get(`${session.url}postmortems.json`)).body)
    const rel = files[Math.floor(files.length / 2)]
    const source = rel.split(path.sep).join('/')
    const record = records.find((r) => r.source === source)
    const page = `${session.url}${record.slug}/`
    const file = path.join(dir, 'content', rel)
    const original = await readFile(file, 'utf8')
    const samples = []
    for (let i = 0; i < runs; i++) {
      const marker = `Bench-marker-${i}-${Date.now()}`
      const t0 = performance.now()
      await writeFile(file, `${original}\n\n${marker}\n`)
      for (;;) {
        if ((await get(page)).body.includes(marker)) break
        if (performance.now() - t0 > 30_000) throw new Error(`page not updated after 30 s:\n${lines.join('\n')}`)
      }
      samples.push(performance.now() - t0)
      await new Promise((r) => setTimeout(r, 150))
    }
    await session.close()
    if (process.env.BENCH_VERBOSE) console.log(lines.join('\n'))
    return { count, startup, samples }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

for (const count of args.count.split(',').map(Number)) {
  const { startup, samples } = await measure(count, Number(args.runs))
  const fmt = (ms) => `${Math.round(ms)} ms`
  console.log(
    `dev latency, ${count} postmortems: save -> page updated median ${fmt(median(samples))}, min ${fmt(Math.min(...samples))}, max ${fmt(Math.max(...samples))} over ${samples.length} saves (first build + serve ${fmt(startup)})`,
  )
}
agent.destroy()
