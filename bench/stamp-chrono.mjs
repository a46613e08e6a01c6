/**
 * `node bench/stamp-chrono.mjs`: measures chrono-node against the hand-written stamp reader on every timeline line the
 * normalizer finds in ../shared/ (seeds, corpus, corpus-2): how often they agree on the time, date and zone, which
 * is right on the labelled first/last events, and the cost per call. Needs a compiled dist (`npm run compile`).
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as chrono from 'chrono-node'
import { DEFAULT_TAG_VOCABULARY } from '../dist/config.js'
import { loadDocument } from '../dist/document.js'
import { readStamp } from '../dist/normalize/timeline/timeline-stamp.js'
import { SETS, readRows, rowFile } from './score.mjs'

const PARSERS = [chrono.en.casual, chrono.de.casual, chrono.fr.casual, chrono.ja.casual]
const pad = (n) => String(n).padStart(2, '0')
const STRIP = /^(?:\s|[-*+>|#]|\d{1,3}[.)]\s|&emsp;|:[a-z_]+:|<[^<>]{0,200}>)+/

/** What chrono reads at the start of a line (within its first 12 characters), in the first language that reads anything. */
function chronoStamp(line, ref) {
  for (const parser of PARSERS) {
    const found = parser.parse(line, ref)
    const first = found.find((r) => r.index <= 12)
    if (!first) continue
    const s = first.start
    const time = s.isCertain('hour') ? `${pad(s.get('hour'))}:${pad(s.get('minute') ?? 0)}` : null
    const date = s.isCertain('day') ? `${s.isCertain('year') ? s.get('year') : '????'}-${pad(s.get('month'))}-${pad(s.get('day'))}` : null
    const zone = s.isCertain('timezoneOffset') ? s.get('timezoneOffset') : null
    return { time, date, zone }
  }
  return null
}

function handStamp(line, hints) {
  const s = readStamp(line, hints)
  if (!s) return null
  const time = s.time ? `${pad(s.time.hour)}:${pad(s.time.minute)}` : null
  const date = s.date ? `${s.date.year ?? '????'}-${pad(s.date.month)}-${pad(s.date.day)}` : null
  return { time, date, zone: s.zone ? (s.zone.fixedOffsetMinutes ?? s.zone.iana) : null }
}

const lines = []
const labelled = []
for (const set of SETS) {
  for (const row of readRows(set)) {
    const { file, source } = rowFile(set, row)
    const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n')
    const loaded = loadDocument(source, readFileSync(file), { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    const record = loaded.document?.record
    if (!record) continue
    const sourceLines = text.split('\n')
    const year = record.date ? Number(record.date.slice(0, 4)) : null
    const ref = record.date ? new Date(`${record.date}T12:00:00Z`) : new Date('2020-01-01T12:00:00Z')
    record.timeline.forEach((entry, i) => {
      const raw = (sourceLines[entry.line - 1] ?? '')
        .replace(STRIP, '')
        .replace(/^\|?\s*/, '')
        .trim()
      if (!raw) return
      const item = { raw, hints: { year, dayFirst: null }, ref }
      lines.push(item)
      const last = i === record.timeline.length - 1
      for (const [field, want] of [
        ['first', i === 0 ? row.labels.firstEvent : ''],
        ['last', last ? row.labels.lastEvent : ''],
      ]) {
        const time = /\b(\d{2}:\d{2})$/.exec(want)?.[1]
        if (time) labelled.push({ ...item, field, time })
      }
    })
  }
}

let both = 0,
  agreeTime = 0,
  onlyHand = 0,
  onlyChrono = 0,
  neither = 0,
  datesBoth = 0,
  agreeDate = 0,
  zonesChrono = 0,
  zonesHand = 0
for (const item of lines) {
  const h = handStamp(item.raw, item.hints)?.time ?? null
  const c = chronoStamp(item.raw, item.ref)
  const hs = handStamp(item.raw, item.hints)
  if (hs?.zone != null) zonesHand++
  if (c?.zone != null) zonesChrono++
  if (h && c?.time) {
    both++
    if (h === c.time) agreeTime++
  } else if (h) onlyHand++
  else if (c?.time) onlyChrono++
  else neither++
  if (hs?.date && c?.date) {
    datesBoth++
    if (hs.date.slice(5) === c.date.slice(5)) agreeDate++
  }
}
let handRight = 0,
  chronoRight = 0
for (const item of labelled) {
  if (handStamp(item.raw, item.hints)?.time === item.time) handRight++
  if (chronoStamp(item.raw, item.ref)?.time === item.time) chronoRight++
}
/** Microseconds per line, the fastest of seven passes (the machine is shared, so the minimum is the honest figure). */
const cost = (fn) => {
  let best = Infinity
  for (let r = 0; r < 7; r++) {
    const start = performance.now()
    for (const item of lines) fn(item)
    best = Math.min(best, performance.now() - start)
  }
  return (best * 1000) / lines.length
}
const handUs = cost((item) => handStamp(item.raw, item.hints))
const chronoEnUs = cost((item) => chrono.en.casual.parse(item.raw, item.ref))
const chronoAllUs = cost((item) => chronoStamp(item.raw, item.ref))
console.log(`timeline lines: ${lines.length}`)
console.log(
  `time read by both: ${both}, same time: ${agreeTime} (${Math.round((100 * agreeTime) / Math.max(both, 1))} %); only hand-written: ${onlyHand}; only chrono: ${onlyChrono}; neither: ${neither}`,
)
console.log(`date read by both: ${datesBoth}, same month-day: ${agreeDate}`)
console.log(`zone read: hand-written ${zonesHand}, chrono ${zonesChrono}`)
console.log(`labelled first/last event times: ${labelled.length}; hand-written right ${handRight}, chrono right ${chronoRight}`)
console.log(`cost per line: hand-written ${handUs.toFixed(1)} µs, chrono en ${chronoEnUs.toFixed(1)} µs, chrono en→de→fr→ja ${chronoAllUs.toFixed(1)} µs`)
if (process.argv.includes('--misses')) {
  for (const item of labelled) {
    const h = handStamp(item.raw, item.hints)?.time
    const c = chronoStamp(item.raw, item.ref)?.time
    if (h !== item.time || c !== item.time) console.log(`  label ${item.time} hand ${h ?? '-'} chrono ${c ?? '-'} | ${item.raw.slice(0, 90)}`)
  }
  for (const item of lines) {
    const h = handStamp(item.raw, item.hints)?.time ?? null
    const c = chronoStamp(item.raw, item.ref)?.time ?? null
    if (h !== c) console.log(`  differ: hand ${h ?? '-'} chrono ${c ?? '-'} | ${item.raw.slice(0, 90)}`)
    const hd = handStamp(item.raw, item.hints)?.date
    const cd = chronoStamp(item.raw, item.ref)?.date
    if (hd && cd && hd.slice(5) !== cd.slice(5)) console.log(`  date differs: hand ${hd} chrono ${cd} | ${item.raw.slice(0, 90)}`)
  }
}
