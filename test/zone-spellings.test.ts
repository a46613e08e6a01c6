import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { findZone, parseZone } from '../src/normalize/time/zones.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** The zone and first instant a small document's timeline is read with. */
function read(markdown: string): string {
  const { record } = normalizeDocument('x.md', markdown, options)
  return `${record.timezone} ${record.timeline[0]?.at}`
}

describe('zones written as POSIX names', () => {
  it('reads EST5EDT and PST8PDT as their region’s clock, whose offset follows the date', () => {
    expect(parseZone('EST5EDT')?.iana).toBe('America/New_York')
    expect(parseZone('PST8PDT')?.iana).toBe('America/Los_Angeles')
    expect(parseZone('CET-1CEST')?.iana).toBe('Europe/Berlin')
    expect(findZone('Times are EST5EDT.')?.iana).toBe('America/New_York')
    const doc = ['# API outage', '', '## Timeline', '', '- 2024-07-01 10:00 PST8PDT: deploy started', '- 2024-07-01 10:20 PST8PDT: errors begin'].join('\n')
    expect(read(doc)).toBe('PST8PDT 2024-07-01T10:00:00-07:00')
  })
})

describe('zones written in French', () => {
  it('reads "heure de <city>" as the city’s zone, before or after a time and in a preface', () => {
    expect(parseZone('heure de Paris')?.iana).toBe('Europe/Paris')
    const after = ['# Panne', '', '## Chronologie', '', '- 2024-03-12 14h30 (heure de Paris) : alerte', '- 2024-03-12 15h10 (heure de Paris) : rétabli'].join(
      '\n',
    )
    expect(read(after)).toBe('heure de Paris 2024-03-12T14:30:00+01:00')
    const preface = ['# Panne', '', 'Toutes les heures sont en heure de Paris.', '', '## Chronologie', '', '- 2024-03-12 14h30 : alerte'].join('\n')
    expect(read(preface)).toBe('heure de Paris 2024-03-12T14:30:00+01:00')
  })

  it('reads "heure de l’Est" and its kin as the regions French speakers name so, with their season when named', () => {
    expect(parseZone("heure de l'Est")?.iana).toBe('America/Toronto')
    expect(parseZone('heure du Pacifique')?.iana).toBe('America/Vancouver')
    expect(parseZone("heure normale de l'Est")?.fixedOffsetMinutes).toBe(-300)
    expect(parseZone('heure de pointe')).toBeNull()
    const doc = ['# Panne', '', '## Chronologie', '', "Les heures sont en heure de l'Est.", '', '- 2024-03-12 14h30 : alerte'].join('\n')
    expect(read(doc)).toBe("heure de l'Est 2024-03-12T14:30:00-04:00")
  })
})
