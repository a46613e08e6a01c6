/** Timeline event anchors come from each event's time and text, so links to an event survive edits elsewhere. */
import { describe, expect, it } from 'vitest'
import { eventIds } from '../src/site/event-ids.js'
import type { TimelineEntry } from '../src/types.js'

const entry = (time: string | null, text: string, date: string | null = null): TimelineEntry => ({ at: null, date, time, text, line: 1 })

describe('eventIds', () => {
  it('reads the time (with the day when known) and the first words of the text', () => {
    expect(
      eventIds([
        entry('10:45', 'Database failover started on the primary cluster today', '2024-03-02'),
        entry('11:00', 'Alert fired'),
        entry(null, 'Customers told'),
      ]),
    ).toEqual(['ev-2024-03-02-1045-database-failover-started-on-the-primary', 'ev-1100-alert-fired', 'ev-untimed-customers-told'])
  })

  it('names an event dated only by its month after that month', () => {
    expect(eventIds([{ ...entry(null, 'Servers provisioned'), month: '2015-10' }])).toEqual(['ev-2015-10-servers-provisioned'])
  })

  it('keeps an event’s id when events before it are added, removed or edited', () => {
    const before = [entry('10:00', 'Deploy began'), entry('10:05', 'Errors rose'), entry('10:20', 'Rolled back')]
    const after = [entry('09:55', 'Change approved'), entry('10:00', 'Deploy of v2 began'), entry('10:20', 'Rolled back')]
    expect(eventIds(after)[2]).toBe(eventIds(before)[2])
  })

  it('tells equal events apart deterministically, in timeline order', () => {
    expect(eventIds([entry('10:00', 'Paged'), entry('10:00', 'Paged'), entry('10:00', 'Paged')])).toEqual([
      'ev-1000-paged',
      'ev-1000-paged-2',
      'ev-1000-paged-3',
    ])
  })

  it('makes a safe id of any text: no markup, quotes or spaces, never empty words', () => {
    const [id] = eventIds([entry('10:00', '<script>"x" & \'y\'</script>')])
    expect(id).toMatch(/^ev-1000-[a-z0-9-]+$/)
    expect(eventIds([entry('10:00', '')])).toEqual(['ev-1000'])
  })
})
