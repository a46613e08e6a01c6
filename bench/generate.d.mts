/** Types of bench/generate.mjs: seeded synthetic postmortem archives (bench and tests only). */

/** Small seeded PRNG (mulberry32), so the same seed gives the same sequence. */
export function prng(seed: number): () => number

/** Writes `count` synthetic postmortems under `dir` (the same seed, the same archive byte for byte); returns their paths under `dir`. */
export function generateArchive(dir: string, count: number, seed?: number): string[]
