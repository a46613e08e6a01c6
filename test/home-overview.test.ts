import { describe, expect, it } from 'vitest'
import { severityBadge, severityLabel, severityLevel } from '../src/site/severity.js'
import { renderRecords } from './helpers/plan.js'
import { listedSlugs } from './helpers/html.js'
import { makeRecord } from './helpers/record.js'

const window = (minutes: number, source: 'stated' | 'marked' | 'timeline') => ({ start: null, end: null, durationMinutes: minutes, source })

describe('severity labels', () => {
  it('writes numbered levels one way and places every label on a common scale', () => {
    expect(['sev-1', 'SEV 1', 'Severity 1', 'sev1'].map((s) => severityLabel(makeRecord({ severity: s })))).toEqual(['SEV1', 'SEV1', 'SEV1', 'SEV1'])
    expect(severityLabel(makeRecord({ severity: 'p2' }))).toBe('P2')
    expect(severityLabel(makeRecord({ severity: 'major' }))).toBe('Major')
    expect(severityLabel(makeRecord({ severity: '  ' }))).toBeNull()
    expect(['SEV0', 'SEV1', 'SEV2', 'SEV3', 'P4', 'Critical', 'Major', 'Moderate', 'Minor', 'Purple'].map(severityLevel)).toEqual([
      'critical',
      'critical',
      'high',
      'medium',
      'low',
      'critical',
      'high',
      'medium',
      'low',
      'other',
    ])
    expect(severityBadge(makeRecord())).toBeNull()
  })
})

describe('home page as an overview', () => {
  const records = [
    makeRecord({ slug: 'a', title: 'A', date: '2024-05-01', severity: 'sev-1', durationMinutes: 45, impact: window(45, 'stated'), site: ['payments'] }),
    makeRecord({ slug: 'b', title: 'B', date: '2023-02-01', severity: 'SEV2', durationMinutes: 300, impact: window(300, 'timeline'), site: ['search'] }),
    makeRecord({ slug: 'c', title: 'C', date: '2024-01-01' }),
  ]
  const out = renderRecords(records)
  const home = out.get('index.html')!

  it('shows severity as a badge with text, the impact duration and how it is known, the site and the date of each entry', () => {
    expect(home).toContain('<a class="sev sev-critical" href="/severity/sev1/"><span class="visually-hidden">Severity </span>SEV1</a>')
    expect(home).toMatch(
      /<time datetime="2024-05-01">2024-05-01<\/time>\s*<span class="duration">· impact <strong>45 min<\/strong> <span class="known">\(stated\)<\/span><\/span>/,
    )
    expect(home).toContain('<span class="site">· <a href="/sites/payments/">payments</a></span>')
    expect(home).toContain('impact <strong>5 h</strong> <span class="known">(from the timeline)</span>')
  })

  it('sorts newest first, with a static page sorted by duration, longest first and unknown last', () => {
    expect(listedSlugs(home)).toEqual(['a', 'c', 'b'])
    expect(home).toContain('<a href="/by-duration/">longest impact</a>')
    const longest = out.get('by-duration/index.html')!
    expect(listedSlugs(longest)).toEqual(['b', 'a', 'c'])
    expect(longest).toContain('<title>Longest impact first · ')
    expect(longest).toContain('<a href="/">newest first</a>')
  })

  it('links static filter pages by year, severity and site, which list the right postmortems', () => {
    for (const link of ['/years/2024/', '/years/2023/', '/severity/sev1/', '/severity/sev2/', '/sites/payments/', '/sites/search/', '/sites/unsorted/'])
      expect(home).toContain(`href="${link}"`)
    expect(listedSlugs(out.get('severity/sev1/index.html')!)).toEqual(['a'])
    expect(listedSlugs(out.get('severity/sev2/index.html')!)).toEqual(['b'])
    expect(out.get('severity/index.html')).toContain('>SEV1</a>')
    expect(listedSlugs(out.get('years/2024/index.html')!)).toEqual(['a', 'c'])
  })
})
