import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { classifyLine } from '../src/normalize/structure/line-kinds.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record

describe('colon lines', () => {
  it('are headings in plain text only, never inside Markdown prose', () => {
    expect(classifyLine('Here is what happened:', { plain: true, standalone: true, inTimeline: false }).type).toBe('heading')
    expect(classifyLine('Here is what happened:', { plain: false, standalone: true, inTimeline: false }).type).toBe('text')
    expect(classifyLine('Timeline:', { plain: false, standalone: true, inTimeline: false }).type).toBe('heading')
  })

  it('keeps a Markdown paragraph ending in a colon as text of its section', () => {
    const r = recordOf('# Disk full\n\n## Root cause\n\nThe directory that was full:\n\n- /var/lib/archive\n\n## Resolution\n\nWe cleaned it.\n')
    expect(r.sections.map((s) => s.heading)).toEqual(['Root cause', 'Resolution'])
  })
})

describe('bold pseudo-headings', () => {
  it('keep sibling labels under one section instead of nesting or escaping it', () => {
    const r = recordOf(
      '# Cache outage\n\n**Action items:**\n\n**Short-term:**\n\n- Add an alarm\n\n**Long-term:**\n\n- Replace the cache\n\n**Lessons learned:**\n\nWe need alarms.\n',
    )
    expect(r.actionItems.map((a) => a.text)).toEqual(['Add an alarm', 'Replace the cache'])
    expect(r.sections.find((s) => s.key === 'lessonsLearned')?.text).toBe('We need alarms.')
  })
})
