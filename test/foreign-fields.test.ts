import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record
/** A report whose timeline names no day: only the labelled date line can give its entries one. */
const report = (line: string) => `# Outage\n\n${line}\n\n## Summary\n\nThe API was down.\n\n## Timeline\n\n- 10:00 UTC errors begin\n- 10:30 UTC fixed\n`

describe('date fields labelled in other languages', () => {
  it.each([
    ['Datum: 14.03.2023'],
    ['**Datum:** 14.03.2023'],
    ['Fecha: 14/03/2023'],
    ['Date : 14/03/2023'],
    ["Date de l'incident : 14/03/2023"],
    ['Datum des Vorfalls: 14.03.2023'],
    ['日付：2023-03-14'],
    ['Дата: 14.03.2023'],
  ])('`%s` dates the incident and its timeline', (line) => {
    const r = recordOf(report(line))
    expect(r.date).toBe('2023-03-14')
    expect(r.timeline[0]).toMatchObject({ date: '2023-03-14', time: '10:00' })
    expect(r.diagnostics.map((d) => d.ruleId)).not.toContain('no-date')
  })

  it('reads them in a metadata table and a list too', () => {
    const table = recordOf(
      '# Ausfall\n\n| Feld | Wert |\n|---|---|\n| Datum | 14.03.2023 |\n| Autor | Kim |\n\n## Zeitablauf\n\n- 10:00 UTC Fehler\n- 10:30 UTC behoben\n',
    )
    expect(table.timeline[0]?.date).toBe('2023-03-14')
    const list = recordOf('# Ausfall\n\n- Datum: 14.03.2023\n- Schweregrad: hoch\n\n## Zeitablauf\n\n- 10:00 UTC Fehler\n- 10:30 UTC behoben\n')
    expect(list.timeline[0]?.date).toBe('2023-03-14')
  })
})
