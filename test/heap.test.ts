/** boundHeap (src/heap.ts): a long pass that piles up old garbage gets it collected, instead of peak memory following it. */
import { getHeapStatistics } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { boundHeap } from '../src/heap.js'

const used = (): number => getHeapStatistics().used_heap_size

describe('boundHeap', () => {
  it('collects garbage once the heap grows well past what was live, and leaves a small heap alone', () => {
    boundHeap()
    const base = used()
    boundHeap()
    expect(Math.abs(used() - base)).toBeLessThan(64 * 2 ** 20)

    // Garbage made and dropped inside a function: nothing holds it once the call returns.
    const made = ((): number => Array.from({ length: 700 }, (_, i) => Array.from({ length: 4000 }, (_, j) => `${i}:${j}:${'x'.repeat(64)}`)).length)()
    expect(made).toBe(700)
    const before = used()
    expect(before).toBeGreaterThan(Math.max(256 * 2 ** 20, base + 128 * 2 ** 20))
    boundHeap()
    expect(before - used()).toBeGreaterThan(200 * 2 ** 20)
  })
})
