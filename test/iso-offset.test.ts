/** `readIso` (src/enrich/iso.ts): the instant of a date-time in each zone shape records use. */
import { describe, expect, it } from 'vitest'
import { readIso } from '../src/enrich/iso.js'

const at = (value: string): number | null | undefined => readIso(value)?.ms

describe('readIso offsets', () => {
  it('reads Z, +HH, +HHMM, +HH:MM and negative zones as minutes east of UTC', () => {
    const utc = Date.UTC(2024, 2, 1, 10, 0)
    expect(at('2024-03-01T10:00Z')).toBe(utc)
    expect(at('2024-03-01T10:00z')).toBe(utc)
    expect(at('2024-03-01T10:00+02')).toBe(utc - 120 * 60_000)
    expect(at('2024-03-01T10:00+0530')).toBe(utc - 330 * 60_000)
    expect(at('2024-03-01T10:00:30.5-08:45')).toBe(utc + 30_000 + 525 * 60_000)
    expect(at('2024-03-01 10:00 +01:00')).toBe(utc - 60 * 60_000)
    expect(at('2024-03-01T10:00')).toBeNull()
  })
})
