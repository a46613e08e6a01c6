import fc from 'fast-check'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { kindOf } from '../src/normalize/actions/action-items.js'
import { splitFrontMatter } from '../src/normalize/front-matter/front-matter.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { classifyLine } from '../src/normalize/structure/line-kinds.js'
import { isSectionName, matchSection } from '../src/normalize/sections/section-synonyms.js'
import { loadShared, readLabels } from './helpers/labels.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

describe('section synonyms', () => {
  it.each([
    ['Root Causes', 'rootCause', null],
    ['What caused it', 'rootCause', null],
    ['Leadup', 'rootCause', null],
    ['How was it detected', 'detection', null],
    ['Resolution and recovery', 'resolution', null],
    ['Timeline (times in UTC)', 'timeline', null],
    ['Timeline - May 29, 2021', 'timeline', null],
    ['⏱️ Timeline', 'timeline', null],
    ['2. Incident Timeline', 'timeline', null],
    ['Corrective and Preventative Measures:', 'actionItems', null],
    ['Follow-ups', 'actionItems', null],
    ['Root Cause and Resolution', 'rootCause', 'resolution'],
    ['ISSUE SUMMARY', 'summary', null],
  ])('%s -> %s', (heading, key, also) => {
    expect(matchSection(heading)).toMatchObject({ key, also })
  })

  it('reads lesson sub-headings', () => {
    expect(matchSection('What Went Well?')?.lesson).toBe('wentWell')
    expect(matchSection('What went wrong')?.lesson).toBe('wentWrong')
    expect(matchSection('Where we got lucky')?.lesson).toBe('gotLucky')
    // What could have gone better, in the wordings retros use.
    for (const heading of [
      'Things that could have gone better',
      'What we could have done better',
      'What could we have done differently',
      'Areas for improvement',
      'Opportunities for improvement',
    ])
      expect(matchSection(heading)?.lesson, heading).toBe('wentWrong')
  })

  it('reads German and French lesson sub-headings', () => {
    expect(matchSection('Was lief gut')?.lesson).toBe('wentWell')
    expect(matchSection('Was lief schlecht')?.lesson).toBe('wentWrong')
    expect(matchSection('Wo wir Glück hatten')?.lesson).toBe('gotLucky')
    expect(matchSection('Ce qui a bien fonctionné')?.lesson).toBe('wentWell')
    expect(matchSection("Ce qui n'a pas fonctionné")?.lesson).toBe('wentWrong')
  })

  it('reads a problem statement as the summary', () => {
    expect(matchSection('Problem statement')?.key).toBe('summary')
  })

  it('does not take a title or an unrelated heading for a section', () => {
    expect(matchSection('Recovery GIF')).toBeNull()
    expect(isSectionName('Postmortem: Database Outage and Recovery')).toBe(false)
    expect(isSectionName('Issue Summary:')).toBe(true)
    expect(matchSection('Timeline extra words', true)).toBeNull()
  })
})

describe('line kinds', () => {
  const ctx = { plain: true, standalone: false, inTimeline: false }
  it.each([
    ['**Timeline:**', 'heading'],
    ['Issue Summary:', 'heading'],
    ['TIMELINE', 'heading'],
    ['Timeline (all times in Pacific Time)', 'heading'],
    ['**Impact**: Broken indexes', 'field'],
    ['**Duration:** June 10, 2023', 'field'],
    ['Duration: March 1st, 2023, 9:00 AM EST', 'field'],
    ['10:00 AM:', 'text'],
    ['9:00 AM: The issue was detected.', 'text'],
    ['Last Modified: 2019-01-23', 'text'],
    ['Created By: Benjamin Elder', 'field'],
    ['To prevent similar issues in the future, the following corrective measures will be taken:', 'text'],
  ])('%s is %s', (line, type) => {
    expect(classifyLine(line, ctx).type).toBe(type)
  })

  it('keeps `Label: value` lines inside a timeline as events', () => {
    expect(classifyLine('Resolution: Identified and corrected it.', { ...ctx, inTimeline: true }).type).toBe('text')
  })
})

describe('action item kinds', () => {
  it.each([
    ['Improvements/Fixes', 'improvement'],
    ['TODO', 'todo'],
    ['Fix', 'fix'],
    ['Tasks to Address the Issue', 'task'],
    ['Short term', 'short-term'],
  ])('%s -> %s', (label, kind) => {
    expect(kindOf(label)).toBe(kind)
  })
})

describe('front matter', () => {
  it('keeps body line numbers and reports YAML errors at their line', () => {
    const file = new VFile()
    const { body, matter } = splitFrontMatter('---\ntitle: "x\n---\n# Body\n', file)
    expect(body.split('\n')[3]).toBe('# Body')
    expect(matter.lines).toBe(3)
    expect(file.messages[0]?.ruleId).toBe('front-matter-invalid')
    expect(file.messages[0]?.line).toBeGreaterThanOrEqual(2)
  })

  it('never evaluates JavaScript front matter', () => {
    const { record } = normalizeDocument('x.md', "---js\n{ title: (() => { throw new Error('ran') })() }\n---\n# T\n", options)
    expect(record.title).toBe('T')
    expect(record.diagnostics.map((d) => d.ruleId)).toContain('front-matter-invalid')
  })

  it('reads status-page front matter date as the incident start and blog date as publication', () => {
    const status = normalizeDocument(
      's.md',
      '---\ntitle: T\ndate: 2021-05-29T22:41:00Z\nresolvedWhen: 2021-05-30T02:11:00Z\nseverity: down\n---\nx\n',
      options,
    ).record
    expect(status).toMatchObject({ date: '2021-05-29', published: null, start: '2021-05-29T22:41:00+00:00', durationMinutes: 210 })
    const blog = normalizeDocument('b.md', '---\ntitle: T\ndate: 2021-06-02\n---\nWe broke things on May 30, 2021 for an hour or so.\n', options).record
    expect(blog).toMatchObject({ date: '2021-05-30', published: '2021-06-02' })
  })
})

describe('publication date', () => {
  it.each([
    ['date: 2020-08-12 10:00:00 +0200', '2020-08-12'],
    ['date: 2024-07-08', '2024-07-08'],
    ['date: "2019-03-01T09:00:00Z"', '2019-03-01'],
  ])('front matter %s -> %s', (line, published) => {
    expect(normalizeDocument('x.md', `---\ntitle: T\n${line}\n---\nBody text.\n`, options).record.published).toBe(published)
  })

  it('falls back to a YYYY-MM-DD- file name, and to a dated `path`', () => {
    expect(normalizeDocument('site/2018-04-26-outage.md', '# T\n', options).record).toMatchObject({
      published: '2018-04-26',
      date: '2018-04-26',
      site: ['site'],
    })
    expect(normalizeDocument('x.md', '+++\ntitle = "T"\npath = "blog/2019/10/24/x"\n+++\nText.\n', options).record.published).toBe('2019-10-24')
  })
})

describe('slugs', () => {
  it('ignores an unsafe front-matter slug and never produces an empty or path-like one', () => {
    expect(normalizeDocument('a/2024-01-01-Big Outage.md', '---\nslug: ../../etc\n---\n# x\n', options).record.slug).toBe('2024-01-01-big-outage')
    expect(normalizeDocument('???.md', '# x\n', options).record.slug).not.toMatch(/^$|\/|\.\./)
  })
})

describe('robustness', () => {
  const pieces = [
    '# T\n',
    '## Timeline\n',
    '- 10:00 x\n',
    '**Impact**: y\n',
    'Issue Summary:\n',
    '<h1>A</h1>\n',
    '<p>b</p>',
    '---\n',
    '+++\n',
    'title: "x\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n',
    '> # q\n',
    '\n',
    '    code\n',
    '* [ ] t\n',
    'Date: 03.04.2020\n',
    '  • z\n',
    '<h2>Tasks:</h2>\n',
    ':emoji:',
    '&emsp;',
    '**x**\n',
  ]
  it('gives a record for any arrangement of the syntax it knows, without an internal failure', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const { record } = normalizeDocument('f.md', parts.join(''), options)
        expect(record.diagnostics.some((d) => d.ruleId === 'normalize-failed')).toBe(false)
      }),
      { numRuns: 300, seed: 42 },
    )
  })

  it('renders every section of the seeds and corpus (no fallback to escaped text)', () => {
    for (const folder of ['seeds', 'corpus'] as const) {
      for (const row of readLabels(folder)) {
        for (const section of loadShared(folder, row).sections) expect(section.html, `${folder} ${row.id} ${section.id}`).not.toContain('unrendered')
      }
    }
  })

  it('gives section ids that are unique and match the page anchors of Markdown headings', () => {
    const { record, html } = normalizeDocument('x.md', '# T\n\n## Impact\n\nx\n\n## Impact\n\ny\n\n**Timeline:**\n\n- 10:00 a\n', options)
    const ids = record.sections.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.slice(0, 2)).toEqual(['impact', 'impact-1'])
    for (const id of ids.slice(0, 2)) expect(html).toContain(`id="${id}"`)
  })
})
