import { describe, expect, it } from 'vitest'
import { documentZone } from '../src/normalize/time/document-zone.js'
import { cleanEventText } from '../src/normalize/time/event-text.js'
import { dayFirstIn, findZone, offsetOn, parseZone, readZoneAt } from '../src/normalize/time/zones.js'
import { normalizeDocument } from '../src/normalize/index.js'

describe('zone forms', () => {
  it.each([
    ['All times in CEST', 'CEST'],
    ['All events are documented in UTC time', 'UTC'],
    ['Times are Pacific.', 'Pacific'],
    ['| Time (UTC) | Event |', 'UTC'],
    ['Between 14h34 and 14h47 GTM+2, on the 12th', 'GTM+2'],
  ])('findZone(%j) is %j', (text, written) => {
    expect(findZone(text)?.written).toBe(written)
  })

  it('gives fixed-offset zones an offset without a date, Unicode minus and letter slips included', () => {
    expect(offsetOn(null, parseZone('GMT+1'))).toBe('+01:00')
    expect(offsetOn(null, parseZone('UTC-5'))).toBe('-05:00')
    expect(offsetOn(null, parseZone('UTC−05:00'))).toBe('-05:00')
    expect(offsetOn(null, parseZone('GTM+2'))).toBe('+02:00')
    expect(parseZone('GTM')).toBeNull()
    expect(parseZone('- 12:49')).toBeNull()
  })

  it('reads a zone right after a time, with a dash before it', () => {
    expect(readZoneAt(' -PST`')?.zone?.written).toBe('PST')
    expect(readZoneAt(' UTC, then')?.zone?.written).toBe('UTC')
    expect(readZoneAt(' servers')).toBeNull()
  })

  it('takes the numeric day order from a stated zone only where the region decides', () => {
    expect(dayFirstIn(parseZone('PDT'))).toBe(false)
    expect(dayFirstIn(parseZone('CEST'))).toBe(true)
    expect(dayFirstIn(parseZone('UTC'))).toBeNull()
  })
})

describe('documentZone', () => {
  it('prefers a zone statement anywhere over a zone after a time', () => {
    expect(documentZone('# Outage\n\nAt 10:00 PST we paged.\n\nAll times below are in UTC.\n')?.written).toBe('UTC')
  })

  it('reads a German zone statement ("Alle Zeiten in MEZ", "Uhrzeiten sind MESZ")', () => {
    expect(documentZone('# Störung\n\nAlle Zeiten in MEZ.\n')?.iana).toBe('Europe/Berlin')
    expect(documentZone('Die Uhrzeiten sind MESZ.\n')?.written).toBe('MESZ')
  })

  it('reads the zone after a clock time in prose, bold or inline code around the time', () => {
    expect(documentZone('# Outage\n\nAt roughly **22:20:00** UTC the CDN timed out.\n')?.written).toBe('UTC')
    expect(documentZone('Duration: `20 seconds at 3:00:00pm -PST`\n')?.written).toBe('PST')
  })

  it('reads a short line that names the zone without a verb ("All times PDT.", "(all times UTC)", "Times: CET")', () => {
    expect(documentZone('# Build farm\nAll times PDT.\n## Timeline\n* [13:26] reports\n')?.written).toBe('PDT')
    expect(documentZone('# Build farm\n\n(all times UTC)\n')?.written).toBe('UTC')
    expect(documentZone('Times: CET\n')?.written).toBe('CET')
    expect(documentZone('**All times EST**\n')?.written).toBe('EST')
    // A line about time that names no zone, or a metric, states nothing.
    expect(documentZone('All times approximate.\n')).toBeNull()
    expect(documentZone('Time to detect: 5 minutes\n')).toBeNull()
  })

  it('reads a labelled zone line ("TZ: America/New_York", "Zone: UTC") and a legacy IANA link as written ("US/Pacific")', () => {
    expect(documentZone('# Outage\n\nTZ: America/New_York\n')?.written).toBe('America/New_York')
    expect(documentZone('# Outage\n\n**Zone:** UTC\n')?.written).toBe('UTC')
    expect(documentZone('# Outage\n\nAll timestamps are US/Pacific.\n')?.written).toBe('US/Pacific')
    // A link is its canonical zone: US/Pacific is Los Angeles, where numeric dates are month first.
    expect(parseZone('US/Pacific')?.iana).toBe('America/Los_Angeles')
    expect(dayFirstIn(parseZone('US/Eastern'))).toBe(false)
    expect(documentZone('# Outage\n\nThis report uses Eastern Time throughout.\n')?.written).toBe('Eastern Time')
    // An availability zone is no time zone.
    expect(documentZone('# Outage\n\nZone: eu-west-1a\n')).toBeNull()
  })

  it('never reads a zone from a fenced block inside a blockquote', () => {
    const body = '# Outage\n\n> The pod said:\n>\n>    ```\n>    Started: Mon, 01 Jan 0001 00:00:00 +0000\n>    ```\n'
    expect(documentZone(body)).toBeNull()
  })

  it('never reads zones from code, logs or HTTP headers', () => {
    const body =
      '# Outage\n\n```\n10:00 UTC restart\n```\n\nLast-Modified: Tue, 15 Nov 1994 08:12:31 GMT\n\nMar 16 05:02:52 host sshd: 10:00 UTC\n\n2024-01-01 10:00:00.123 ERROR 10:00 CET\n'
    expect(documentZone(body)).toBeNull()
  })
})

describe('a stated zone in the document', () => {
  it('becomes the record zone and is never reported missing', () => {
    const text = '# Outage\n\nAll times in CEST.\n\n## Timeline\n\n- 10:00 paged\n- 10:20 restarted\n'
    const { record } = normalizeDocument('a.md', text, { defaultTimezone: null, tagVocabulary: {} })
    expect(record.timezone).toBe('CEST')
    expect(record.diagnostics.map((d) => d.ruleId)).not.toContain('zone-missing')
  })

  it('is the record zone for a document with no timeline, with the offset it states (CEST before the spring change)', () => {
    const text = '---\ndate: 2024-03-17\n---\n# Outage\n\nOn 2024-03-17 10h47 CEST someone told us the site was down.\n'
    expect(normalizeDocument('a.md', text, { defaultTimezone: null, tagVocabulary: {} }).record).toMatchObject({ timezone: 'CEST', utcOffset: '+02:00' })
  })
})

describe('a fenced block quoted in the document', () => {
  it('gives no zone and no impact moment (a pod status quoted in a chat log)', () => {
    const text =
      '# Build farm flakiness 2024-05-30\n\nAll times PDT.\n\nBuilds failed for a while.\n\n## Timeline\n\n* 13:26 Someone reports failures\n* 15:00 Nodes replaced\n\n## Appendix\n\n> ann [1:57 PM]\n> the pod says\n>\n>    ```\n>    State:    Terminated\n>    Started:  Mon, 01 Jan 0001 00:00:00 +0000\n>    ```\n'
    const { record } = normalizeDocument('a.md', text, { defaultTimezone: null, tagVocabulary: {} })
    expect(record.timezone).toBe('PDT')
    expect(record.impact?.start?.time).toBe('13:26')
  })
})

describe('cleanEventText', () => {
  it.each([
    [':::::: restarted', 'restarted'],
    ['ish - restarted', 'restarted'],
    ['Monday: restarted', 'restarted'],
    ['restarted \\', 'restarted'],
    ['restarted --', 'restarted'],
    ['2024-03-05 - restarted', 'restarted'],
    ['~500 errors', '~500 errors'],
    ['(16:00 CEST) restarted', 'restarted'],
    ['- (4:00 pm GMT+2): restarted', 'restarted'],
    ['(2 servers) restarted', '(2 servers) restarted'],
    ['.NET upgraded', '.NET upgraded'],
    ['restarted ::: |', 'restarted'],
    ['restarted the re-sync -', 'restarted the re-sync'],
    ['half-', 'half-'],
    // Citation markers glued to the text are references, not words.
    ['The cache key is found.[3]', 'The cache key is found.'],
    ['A fix is deployed[8].', 'A fix is deployed.'],
    ['Reverted[12]; pages load again', 'Reverted; pages load again'],
    ['See [3] for the graph', 'See [3] for the graph'],
    // an elapsed-time marker after the stamp, and emoji or shortcode decoration at either end
    ['(T+9) On-call engineer acknowledges', 'On-call engineer acknowledges'],
    ['(T + 00:15) - Rollback started', 'Rollback started'],
    ['T+9: paged', 'paged'],
    ['(15 min) Rollback started', 'Rollback started'],
    ['[+2h] Backlog drained', 'Backlog drained'],
    ['(10 minutes later) Paged again', 'Paged again'],
    ['(15 customers) reported errors', '(15 customers) reported errors'],
    ['🔥 Alerts fire for checkout 🔥', 'Alerts fire for checkout'],
    ['✅ Error rate back to normal', 'Error rate back to normal'],
    ['Rollback done ✔️', 'Rollback done'],
    [':rotating_light: Pager fires :fire:', 'Pager fires'],
    ['Shipped Widget™', 'Shipped Widget™'],
    ['Deploy 🚀 went out', 'Deploy 🚀 went out'],
    ['Ratio 3:2', 'Ratio 3:2'],
    ['✅', ''],
  ])('%j -> %j', (text, clean) => {
    expect(cleanEventText(text)).toBe(clean)
  })
})

describe('bounded cost', () => {
  it('cleans and scans pathological runs in linear time', () => {
    const started = Date.now()
    cleanEventText(`a${' :'.repeat(40_000)}b`)
    cleanEventText(`a${' -'.repeat(40_000)}b`)
    // A run of colons before a last word: nested repeats anchored at the end took seconds here.
    cleanEventText(`Restarted the db ${':'.repeat(40)} x`)
    cleanEventText(`Restarted the db ${': \\ | '.repeat(5_000)} x`)
    cleanEventText(`a${' :b:'.repeat(20_000)}::`)
    cleanEventText(`a${' 🔥'.repeat(20_000)} x:`)
    documentZone(`${'10:00 '.repeat(20_000)}\n${'times are in '.repeat(10_000)}`)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('zones from pasted machine text (issue 14 §5: never from code, log or HTTP-header lines)', () => {
  const zoneOf = (text: string): string | null => normalizeDocument('a.md', text, { defaultTimezone: null, tagVocabulary: {} }).record.timezone
  const timeline = '## Timeline\n\n- 09:00 deployed\n- 09:20 errors rose\n'

  it('takes no zone from a fenced or indented block in the summary section', () => {
    expect(zoneOf(`# Outage on 2024-05-01\n\n## Summary\n\nThe job failed:\n\n\`\`\`\nretry queued 09:00 PST by cron\n\`\`\`\n\n${timeline}`)).toBeNull()
    expect(zoneOf(`# Outage on 2024-05-01\n\n## Summary\n\nThe job failed:\n\n    2024-05-01 09:00:01.123 PST ERROR pool\n\n${timeline}`)).toBeNull()
  })

  it('takes no zone from a log or HTTP-header line written as a paragraph', () => {
    expect(zoneOf(`# Outage on 2024-05-01\n\n## Summary\n\n2024-05-01 09:00:01.123 PST ERROR pool exhausted\n\n${timeline}`)).toBeNull()
    expect(zoneOf(`# Outage on 2024-05-01\n\nMay  1 09:00:01 web1 nginx[42]: timed out at 09:00 PST\n\n${timeline}`)).toBeNull()
    expect(zoneOf(`# Outage on 2024-05-01\n\nLast-Modified: Wed, 01 May 2024 09:00:00 GMT\n\n${timeline}`)).toBeNull()
  })

  it('keeps the zone a sentence states over one after a time in a header line, and reads prose after it', () => {
    expect(zoneOf(`# Outage on 2024-05-01\n\nAll times are in CET.\n\nLast-Modified: Wed, 01 May 2024 09:00:00 GMT\n\n${timeline}`)).toBe('CET')
    expect(zoneOf(`# Outage on 2024-05-01\n\n## Summary\n\nExpires: Wed, 01 May 2024 09:00:00 GMT\n\nIt began at 09:00 CEST.\n\n${timeline}`)).toBe('CEST')
  })
})
