import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { readStamp } from '../src/normalize/timeline/timeline-stamp.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** `HH:MM-HH:MM text` of a line's stamp. */
function range(line: string): string | null {
  const s = readStamp(line, {})
  const hhmm = (t: { hour: number; minute: number } | null | undefined) => (t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : '-')
  return s ? `${hhmm(s.time)}-${hhmm(s.end)} ${s.rest}` : null
}

describe('a range whose hour word is written once, after its end ("von 10 bis 11 Uhr", "de 10 à 11h")', () => {
  it('reads the bare first hour as the start after an opening word', () => {
    expect(range('von 10 bis 11 Uhr: Datenbank nicht erreichbar')).toBe('10:00-11:00 Datenbank nicht erreichbar')
    expect(range('de 10 à 11h : service indisponible')).toBe('10:00-11:00 service indisponible')
    expect(range('2024-03-12 von 9 bis 10:30 Uhr: Ausfall')).toBe('09:00-10:30 Ausfall')
  })

  it('leaves a bare number with no opening word, or an end without the hour word, as text', () => {
    expect(range('10 bis 11 Uhr: Ausfall')).toBeNull()
    expect(range('von 10 bis 11 Servern: Ausfall')).toBeNull()
  })

  it('reads the same range stated in prose as the impact window', () => {
    const doc = ['# Störung', '', '## Zusammenfassung', '', 'Am 12.03.2024 war die Datenbank von 10 bis 11 Uhr (MEZ) nicht erreichbar.'].join('\n')
    const { impact } = normalizeDocument('x.md', doc, options).record
    expect([impact.start?.at, impact.end?.at, impact.durationMinutes]).toEqual(['2024-03-12T10:00:00+01:00', '2024-03-12T11:00:00+01:00', 60])
  })
})
