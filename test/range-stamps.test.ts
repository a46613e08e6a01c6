import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { readStamp } from '../src/normalize/timeline/timeline-stamp.js'
import { parseRange } from '../src/normalize/time/datetime-range.js'

/** Start, end and event text of a stamp, as `HH:MM-HH:MM text`. */
function range(line: string): string | null {
  const s = readStamp(line, {})
  const hhmm = (t: { hour: number; minute: number } | null | undefined) => (t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : '-')
  return s ? `${hhmm(s.time)}-${hhmm(s.end)} ${s.rest}` : null
}

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
/** The whole normalizer on a small document: `date time→end text` per timeline entry. */
function entries(markdown: string): string[] {
  const { record } = normalizeDocument('x.md', markdown, options)
  return record.timeline.map((e) => `${e.date ?? '-'} ${e.time ?? '-'}→${e.end?.time ?? '-'} ${e.text}`)
}

describe('a range written in words is one stamp with an end', () => {
  it('reads the words that open and join a range in several languages', () => {
    expect(range('from 14:05 until 16:30 UTC the API failed')).toBe('14:05-16:30 the API failed')
    expect(range('entre las 10:00 y las 11:30 la API falló')).toBe('10:00-11:30 la API falló')
    expect(range('de 10:00 a 11:30 la API falló')).toBe('10:00-11:30 la API falló')
    expect(range('de 10h à 11h30 : panne')).toBe('10:00-11:30 panne')
    expect(range('von 10:00 bis 11:30 Uhr: Ausfall')).toBe('10:00-11:30 Ausfall')
    expect(range('10:00 through 11:00 degraded')).toBe('10:00-11:00 degraded')
  })

  it('reads Japanese and Korean ranges, with their particles and hour words', () => {
    expect(range('10:00～11:30 障害')).toBe('10:00-11:30 障害')
    expect(range('10:00から11:30まで 障害')).toBe('10:00-11:30 障害')
    expect(range('10:00부터 11:30까지 장애')).toBe('10:00-11:30 장애')
    expect(range('10시부터 11시 30분까지 장애')).toBe('10:00-11:30 장애')
    expect(range('오후 3시 장애')).toBe('15:00-- 장애')
  })

  it('keeps what is no range: "and" without "between", an hour count after a dash, a count of hours', () => {
    expect(range('10:00 and 11:00 two alerts')).toBe('10:00-- and 11:00 two alerts')
    expect(range('10:00 - 2h outage')).toBe('10:00-- 2h outage')
    expect(range('3時間 停止')).toBeNull()
  })

  it('makes one event with an end in a timeline line, a table cell and a heading', () => {
    expect(entries('# X\n\nDate: 2024-03-02\n\n## Cronología\n\n- entre las 10:00 y las 11:30 la API falló\n- 12:00 restaurado\n')).toEqual([
      '2024-03-02 10:00→11:30 la API falló',
      '2024-03-02 12:00→- restaurado',
    ])
    expect(
      entries('# X\n\nDate: 2024-03-02\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| von 10:00 bis 11:30 Uhr | Ausfall |\n| 12:00 | behoben |\n'),
    ).toEqual(['2024-03-02 10:00→11:30 Ausfall', '2024-03-02 12:00→- behoben'])
    expect(entries('# X\n\nDate: 2024-03-02\n\n## 타임라인\n\n### 10시부터 11시 30분까지\n\n장애\n\n### 12시\n\n복구\n')).toEqual([
      '2024-03-02 10:00→11:30 장애',
      '2024-03-02 12:00→- 복구',
    ])
  })
})

describe('a range field read with the same joins', () => {
  it('splits a range joined by a word of another language', () => {
    expect(parseRange('2024-03-02 10:00 bis 11:30')).toMatchObject({ end: { date: '2024-03-02', time: '11:30' }, durationMinutes: 90 })
    expect(parseRange('10:00부터 11:30까지')).toMatchObject({ end: { time: '11:30' }, durationMinutes: 90 })
  })
})
