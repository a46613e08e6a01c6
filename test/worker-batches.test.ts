/**
 * How the normalize pool cuts and hands out its files (src/workers/batches.ts, src/workers/pool.ts): batches by bytes
 * that shrink towards the end, so the threads finish together, and two batches held by each thread, so it never waits
 * for the main thread between two of them.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { BATCH_BYTES, BATCH_ITEMS, createBatches, type Batch } from '../src/workers/batches.js'
import { BATCHES_IN_FLIGHT, normalizeMany, type PoolWorker, type ReadItem, type WorkItem } from '../src/workers/pool.js'
import path from 'node:path'
import { loadConfig } from '../src/config.js'

const CONFIG = loadConfig(path.resolve(import.meta.dirname, '..'), { search: false })

const all = (sizes: number[], threads: number): Batch[] => {
  const batches = createBatches(sizes, threads)
  const out: Batch[] = []
  for (let b = batches.next(); b; b = batches.next()) out.push(b)
  return out
}
const bytes = (sizes: number[], b: Batch): number => sizes.slice(b.start, b.end).reduce((x, y) => x + y, 0)

describe('createBatches', () => {
  it('hands out every item once, in order, in batches of at most BATCH_ITEMS files and BATCH_BYTES bytes', () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => 1000 + ((i * 7919) % 9000))
    const batches = all(sizes, 2)
    expect(batches.map((b) => [b.start, b.end]).flat()).toEqual([0, ...batches.slice(1).flatMap((b) => [b.start, b.start]), 1000])
    for (const b of batches) {
      expect(b.end - b.start).toBeLessThanOrEqual(BATCH_ITEMS)
      expect(b.end - b.start === 1 || bytes(sizes, b) <= BATCH_BYTES).toBe(true)
    }
  })

  it('balances by bytes: a batch of large files holds fewer of them, one larger than the limit goes alone', () => {
    const sizes = [...Array<number>(48).fill(2_000), ...Array<number>(40).fill(20_000), 200_000, ...Array<number>(400).fill(2_000)]
    const batches = all(sizes, 2)
    expect(batches[0]).toEqual({ start: 0, end: BATCH_ITEMS })
    expect(batches.find((b) => b.start === 48)).toEqual({ start: 48, end: 50 })
    expect(batches.find((b) => b.start === 88)).toEqual({ start: 88, end: 89 })
  })

  it('shrinks the last batches, so no thread starts a full batch while the others have nothing left', () => {
    const sizes = Array<number>(2000).fill(3_000)
    const batches = all(sizes, 2)
    const tail = batches.slice(-10)
    for (const b of tail) expect(b.end - b.start).toBeLessThanOrEqual(2)
    expect(batches.at(-1)!.end - batches.at(-1)!.start).toBe(1)
    // What remains when a batch is handed out is at least four times the batch, per thread, until single files.
    let left = sizes.length * 3_000
    for (const b of batches) {
      const size = bytes(sizes, b)
      expect(b.end - b.start === 1 || size * 8 <= left).toBe(true)
      left -= size
    }
  })
})

/** A stand-in for a normalize worker thread: records what it is sent and answers when told. */
class FakeWorker extends EventEmitter {
  sent: ReadItem[][] = []
  terminated = false
  postMessage(batch: ReadItem[]): void {
    this.sent.push(batch)
  }
  terminate(): Promise<number> {
    this.terminated = true
    return Promise.resolve(0)
  }
  /** Answers the oldest batch not answered yet, as the worker script does (one entry a file, in order). */
  answer(): void {
    const batch = this.sent[this.answered++]!
    this.emit(
      'message',
      batch.map((item) => new Uint8Array([item.bytes[0]!])),
    )
  }
  answered = 0
}

const items = (count: number): WorkItem[] =>
  Array.from({ length: count }, (_, i) => ({ source: `${i}.md`, bytes: new Uint8Array([i % 256]), size: 3_000, read: () => new Uint8Array([i % 256]) }))

describe('normalizeMany with threads', () => {
  it('keeps two batches with each thread, so a thread has its next batch before it answers one', async () => {
    const fakes: FakeWorker[] = []
    const got = new Map<number, number>()
    const work = items(200)
    const done = normalizeMany(
      work,
      CONFIG,
      2,
      (i, result) => got.set(i, (result as Uint8Array)[0]!),
      () => {
        const fake = new FakeWorker()
        fakes.push(fake)
        return fake as unknown as PoolWorker
      },
    )
    expect(fakes).toHaveLength(2)
    for (const fake of fakes) fake.emit('online')
    for (const fake of fakes) expect(fake.sent).toHaveLength(BATCHES_IN_FLIGHT)
    // Each answer posts the next batch at once: the thread never holds fewer than two while batches are left.
    for (let round = 0; fakes.some((f) => !f.terminated) && round < 1000; round++) {
      for (const fake of fakes) {
        if (fake.answered < fake.sent.length) fake.answer()
        const unsent = work.length - fakes.reduce((n, f) => n + f.sent.flat().length, 0)
        if (unsent > 0) expect(fake.sent.length - fake.answered).toBe(BATCHES_IN_FLIGHT)
      }
    }
    await done
    expect([...got.keys()].sort((a, b) => a - b)).toEqual([...work.keys()])
    for (const [i, first] of got) expect(first).toBe(i % 256)
  })

  it('takes back every batch a dying thread held, and normalizes it on the main thread', async () => {
    const fakes: FakeWorker[] = []
    const got: number[] = []
    const work = items(100).map((item) => ({ ...item, bytes: new TextEncoder().encode(`# Outage ${item.source}\n`) }))
    const done = normalizeMany(
      work,
      CONFIG,
      2,
      (i) => got.push(i),
      () => {
        const fake = new FakeWorker()
        fakes.push(fake)
        return fake as unknown as PoolWorker
      },
    )
    fakes[0]!.emit('online')
    fakes[1]!.emit('online')
    fakes[0]!.emit('error', new Error('out of memory'))
    // Its answer to the first batch, sent before it died, may come after the error: the batch was taken back already.
    fakes[0]!.answer()
    fakes[0]!.emit('exit', 1)
    while (!fakes[1]!.terminated) fakes[1]!.answer()
    await done
    expect(got.sort((a, b) => a - b)).toEqual([...work.keys()])
  })
})
