/** The workers rows of `npm run bench` (bench/cold-rows.mjs) show the load phase apart: issue 18's 1.7x is a load-phase figure. */
import { describe, expect, it } from 'vitest'
import { buildPhases, coldRows, workersFigures } from '../bench/cold-rows.mjs'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const f = (n: number | null | undefined, d = 0): string => (n === null || n === undefined ? 'n/a' : n.toFixed(d))

describe('bench workers rows', () => {
  it('read each phase a NODE_DEBUG=hindsight build prints, and nothing else', () => {
    const out = [
      'HINDSIGHT 12: scope full: no usable build state',
      'HINDSIGHT 12: phase load 32500 ms, cpu 62200 ms, rss 243 MB, heap 52 MB',
      'hindsight: 10 of 20 files written or kept',
      'HINDSIGHT 12: phase emit 20400 ms, cpu 32100 ms, rss 366 MB, heap 71 MB',
    ].join('\n')
    expect(buildPhases(out)).toEqual({ load: { ms: 32500, cpuMs: 62200 }, emit: { ms: 20400, cpuMs: 32100 } })
    expect(buildPhases('Built 10 postmortems')).toEqual({})
  })

  it('give the median load phase at each thread count and its speed-up over one thread', () => {
    const run = (ms: number, load: number, cpu: number) => ({ ms, nodeMb: 500, phases: { load: { ms: load, cpuMs: cpu } } })
    const byCount = new Map([
      [1, [run(90, 66, 72), run(92, 68, 73), run(91, 67, 74)]],
      [2, [run(54, 33, 62), run(55, 34, 63), run(53, 32, 61)]],
    ])
    const [one, two] = workersFigures(byCount, 10, median)
    expect(one).toMatchObject({ workers: 1, loadMs: 67, loadCpuMs: 73, loadSpeedup: 1 })
    expect(two).toMatchObject({ workers: 2, coldMs: 54, loadMs: 33, loadCpuMs: 62 })
    expect(two!.loadSpeedup).toBeCloseTo(67 / 33)
    const rows = coldRows([{ workers: [one, two] }], f)
    expect(rows).toContainEqual(['load phase of it, --workers 2 (ms; CPU ms)', '33; 62 (2.03x of 1)', '>= 1.7x of 1'])
  })

  it('read the two-thread speed-up against the mean of the one-thread load phases of its round, the stopped one included', () => {
    const run = (round: number, load: number, ms = 100) => ({ ms, nodeMb: 500, round, phases: { load: { ms: load, cpuMs: load } } })
    const again = (round: number, load: number) => ({ ...run(round, load, 5), loadOnly: true })
    // Round 0 drifted slower after its two-thread build: 60 then 80 around 35; round 1: 64 and 66 around 32.
    const byCount = new Map([
      [1, [run(0, 60, 90), again(0, 80), run(1, 64, 94), again(1, 66)]],
      [2, [run(0, 35, 54), run(1, 32, 52)]],
    ])
    const [one, two] = workersFigures(byCount, 10, median)
    // Whole builds only for the cold figure (never the stopped run's 5 ms); every load phase for the load figure.
    expect(one).toMatchObject({ workers: 1, coldMs: 94, loadMs: 66 })
    const ratios = [70 / 35, 65 / 32].sort((a, b) => a - b)
    expect(two!.loadSpeedup).toBeCloseTo(ratios[1]!)
    expect(one!.loadSpeedup).toBe(1)
  })

  it('say n/a when a build printed no phases', () => {
    const [one] = workersFigures(new Map([[1, [{ ms: 90, nodeMb: 500 }]]]), 10, median)
    expect(one).toMatchObject({ loadMs: null, loadSpeedup: null })
  })
})
