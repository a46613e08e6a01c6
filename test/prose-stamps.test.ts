import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null | undefined) => (m ? `${m.date ?? '-'} ${m.time ?? '-'}` : null)
const read = (text: string) => {
  const { record } = normalizeDocument('x.md', text, options)
  return { date: record.date, timezone: record.timezone, events: record.timeline.map((e) => at(e)), texts: record.timeline.map((e) => e.text) }
}

describe('a prose stamp is read once, with its own date, in any language', () => {
  it('reads a French date and time written with a comma as one event', () => {
    expect(read('# Panne\n\n## Détection\n\n21 mai 2025, 10h42\n\n## Résumé\n\nLe service était indisponible.\n').events).toEqual(['2025-05-21 10:42'])
    expect(read('# Outage\n\n## Detection\n\n2025-05-21 10:42\n\n## Summary\n\nThe API was down.\n').events).toEqual(['2025-05-21 10:42'])
  })

  it('keeps a German ordinal date inside the event sentence', () => {
    const r = read('# Ausfall\n\nDie API war am 3. März 2024 um 14:20 Uhr nicht erreichbar.\n\nWir haben sie neu gestartet.\n')
    expect(r.events).toEqual(['2024-03-03 14:20'])
    expect(r.texts[0]).toContain('nicht erreichbar')
  })

  it('reads a Spanish date and time joined by "a las" as one event', () => {
    expect(read('# Caída\n\nLa API no respondía el 3 de marzo de 2024 a las 14:20.\n\nLa reiniciamos.\n').events).toEqual(['2024-03-03 14:20'])
  })
})

describe('the day of prose times', () => {
  it('dates labelled clock times under a heading that names a day among its words', () => {
    const doc =
      '# Blog downtime\n\nNotes.\n\n#### Downtime on March 3rd, 2019\n\n- **Time**:\n  - Down: 15:21 UTC\n  - Up: 15:38 UTC\n- **Reason**: CPU overload.\n'
    expect(read(doc).events).toEqual(['2019-03-03 15:21', '2019-03-03 15:38'])
  })

  it('moves a time after "the next day" or "the evening before" off the day told before it, once', () => {
    const next =
      '# API outage\n\nOn 2024-03-03 at 23:10 UTC the API went down. The next day at 01:40 UTC it recovered, and at 02:00 UTC we closed it.\n\nWe restarted it.\n'
    expect(read(next).events).toEqual(['2024-03-03 23:10', '2024-03-04 01:40', '2024-03-04 02:00'])
    const before = '# API outage\n\nOn 2024-03-03 at 10:00 UTC the API went down. A change had shipped the evening before at 18:00 UTC.\n\nWe reverted it.\n'
    expect(read(before).events).toEqual(['2024-03-03 10:00', '2024-03-02 18:00'])
  })
})

describe('a prose event far into a long paragraph', () => {
  it('is its own sentence however many sentences come before it on the line', () => {
    const fill = Array.from({ length: 90 }, (_, i) => `Step ${i} done.`).join(' ')
    const doc = `# DB outage\n\nOn 2024-03-05 the database failed.\n\n## What happened\n\nAt 09:00 we deployed. ${fill} At 10:05 the database failed. We paged the DBA. At 10:40 service was restored.\n`
    expect(read(doc).texts).toEqual(['At 09:00 we deployed.', 'The database failed.', 'Service was restored.'])
  })
})
