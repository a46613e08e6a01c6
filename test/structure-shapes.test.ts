import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { classifyLine } from '../src/normalize/structure/line-kinds.js'
import { matchSection } from '../src/normalize/sections/section-synonyms.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record

describe('colon lines', () => {
  it('are headings in plain text only, never inside Markdown prose', () => {
    expect(classifyLine('Here is what happened:', { plain: true, standalone: true, inTimeline: false }).type).toBe('heading')
    expect(classifyLine('Here is what happened:', { plain: false, standalone: true, inTimeline: false }).type).toBe('text')
    expect(classifyLine('Timeline:', { plain: false, standalone: true, inTimeline: false }).type).toBe('heading')
  })

  it('a longer lead-in line ending in a colon inside Markdown prose is text, not a section keyed by a word it holds', () => {
    const md = { plain: false, standalone: true, inTimeline: false }
    expect(classifyLine('To reproduce the original bug (before fix):', md).type).toBe('text')
    expect(classifyLine('Steps we took to restore the service:', md).type).toBe('text')
    const r = recordOf(
      '# Build break\n\n## Summary\n\nBuilds failed for a day.\n\n## Reproduction\n\nTo reproduce the original bug (before fix):\n\n1. Clone the repository\n2. Run the build\n\n## Root cause\n\nA bad cache key.\n',
    )
    expect(r.sections.map((s) => `${s.key}:${s.heading}`)).toEqual(['summary:Summary', 'null:Reproduction', 'rootCause:Root cause'])
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

describe('bold-labelled bullet reports', () => {
  const report =
    '# Incident on 2021-03-02 - Queue workers stalled\n\n- **Key events**\n  - First detected 2021-03-02 09:10\n  - Resolved 2021-03-02 10:05\n\n- **Time to repair**: 0h 40m\n\n- **Identified**: Two workers stopped taking jobs.\n\n- **Impact**:\n  - Notifications were delayed by up to an hour.\n\n- **Context**:\n  - A config reload left the workers holding a stale connection.\n\n- **Resolution**:\n    All workers were restarted together.\n'

  it('makes each bullet whose label names a section that section, with its text and sub-bullets', () => {
    const r = recordOf(report)
    expect(r.sections.map((s) => `${s.key}:${s.heading}`)).toEqual([
      'timeline:Key events',
      'detection:Identified',
      'impact:Impact',
      'summary:Context',
      'resolution:Resolution',
    ])
    expect(r.sections.find((s) => s.key === 'impact')?.text).toBe('Notifications were delayed by up to an hour.')
    expect(r.sections.find((s) => s.key === 'resolution')?.text).toBe('All workers were restarted together.')
    expect(r.summary).toBe('A config reload left the workers holding a stale connection.')
    expect(r.timeline.map((e) => e.time)).toEqual(['09:10', '10:05'])
    // The stated repair time is a metric; the window is the one the key events give.
    expect(r.impact.durationMinutes).toBe(55)
  })

  it('reads a finding step (`Identified`, `Discovered`) as the detection part, which a status label alone is not', () => {
    expect(recordOf(report).sections.find((s) => s.key === 'detection')?.text).toBe('Two workers stopped taking jobs.')
    expect(matchSection('Identified', true)).toBeNull()
  })

  it('leaves a list of bold terms, or one inside a named section, as it is', () => {
    const terms = recordOf('# Cache outage\n\n- **Redis**: the cache\n- **Sidekiq**: the job runner\n\n## Summary\n\nThe cache failed.\n')
    expect(terms.sections.map((s) => s.key)).toEqual(['summary'])
    const inside = recordOf('# Cache outage\n\n## Action items\n\n- **Detection**: add an alarm\n- **Resolution**: automate the restart\n')
    expect(inside.sections.map((s) => s.key)).toEqual(['actionItems'])
    expect(inside.actionItems).toHaveLength(2)
  })
})

describe('paragraph-per-label reports', () => {
  it('a bold label line keys its section with the text after a colon or a spaced dash, its wrapped lines included', () => {
    const r = recordOf(
      '# API outage\n\n**Issue**: the API returned 500s\nfor all users.\n\n**Root cause** - a bad config push\nremoved the database host.\n**Impact** — 40% of requests failed.\n\n**Resolution**: we rolled back.\n',
    )
    expect(r.title).toBe('API outage')
    expect(r.sections.map((s) => `${s.key}:${s.heading}:${s.text.replace(/\s+/g, ' ')}`)).toEqual([
      'summary:Issue:the API returned 500s for all users.',
      'rootCause:Root cause:a bad config push removed the database host.',
      'impact:Impact:40% of requests failed.',
      'resolution:Resolution:we rolled back.',
    ])
    expect(r.summary).toBe('the API returned 500s for all users.')
  })

  it('a status page update with a dash (`**Resolved** - …`) and a bold term that names no section stay text', () => {
    const md = { plain: false, standalone: true, inTimeline: false }
    expect(classifyLine('**Resolved** - Payments work again.', md).type).toBe('text')
    expect(classifyLine('**Redis** - the cache', md).type).toBe('text')
    expect(classifyLine('**Root cause** - a bad push', md)).toMatchObject({ type: 'field', label: 'Root cause', value: 'a bad push' })
  })
})

describe('question lines in a document of question headings', () => {
  it('a question written as a line of a paragraph is a section beside the question heading it follows', () => {
    const r = recordOf(
      '# Login outage\n\n## What happened?\n\nLogins failed for all users.\n\nWhat was the impact?\nNo customer could sign in.\n\nWhat did users see?\nAn error page.\n\n## Why did it happen?\n\nA certificate expired.\n',
    )
    expect(r.sections.map((s) => `${s.key}:${s.heading}:${s.text}`)).toEqual([
      'summary:What happened?:Logins failed for all users.',
      'impact:What was the impact?:No customer could sign in.',
      'null:What did users see?:An error page.',
      'rootCause:Why did it happen?:A certificate expired.',
    ])
  })

  it('a question line in a document whose headings ask none stays text', () => {
    const r = recordOf(
      '# Login outage\n\n## Summary\n\nLogins failed.\n\nWhy did nobody see the alert?\nIt went to an old channel.\n\n## Root cause\n\nA certificate expired.\n',
    )
    expect(r.sections.map((s) => s.heading)).toEqual(['Summary', 'Root cause'])
  })
})

describe('lists indented as code', () => {
  const text =
    '# Login outage\n\n## What happened?\n\nLogins failed.\n\n## What went wrong?\n\n    - The alert went to an old channel\n    - Nobody owned the certificate\n\n' +
    '## What are we going to do?\n\n    1. Move alerts to the on-call channel\n    2. Assign an owner to every certificate\n'

  it('a list indented four spaces under a heading, in a document without code, is read and shown as a list', () => {
    const doc = normalizeDocument('s.md', text, options)
    expect(doc.record.lessons.wentWrong).toEqual(['The alert went to an old channel', 'Nobody owned the certificate'])
    expect(doc.record.actionItems.map((a) => a.text)).toEqual(['Move alerts to the on-call channel', 'Assign an owner to every certificate'])
    expect(doc.record.sections[1]?.text).toBe('The alert went to an old channel\nNobody owned the certificate')
    expect(doc.html).toContain('<li>The alert went to an old channel</li>')
    expect(doc.html).not.toContain('<pre>')
  })

  it('stays code in a document that has other code, or when a line is no list item', () => {
    expect(normalizeDocument('s.md', `${text}\n## Logs\n\n\`\`\`\nerror: expired\n\`\`\`\n`, options).html).toContain('<pre><code>- The alert')
    expect(normalizeDocument('s.md', '# Outage\n\n## Fix\n\n    - name: restart\n    run: systemctl restart app\n', options).html).toContain('<pre>')
  })
})

describe('author handles', () => {
  it('an @handle in front matter, an Authors or Owner line or an Authors list keeps the name without the sign', () => {
    expect(recordOf('---\nauthors: ["@kim", "Bo Chen"]\n---\n# Outage\n\n## Summary\n\nDown.\n').authors).toEqual(['kim', 'Bo Chen'])
    expect(recordOf('# Outage\n\nOwner: @jdoe\n\n## Summary\n\nDown.\n').authors).toEqual(['jdoe'])
    expect(recordOf('# Outage\n\n## Authors\n\n- @jdoe\n- ana@example.com\n\n## Summary\n\nDown.\n').authors).toEqual(['jdoe', 'ana@example.com'])
    expect(recordOf('# Outage\n\n## Action items\n\n- Add an alert (owner: @jdoe)\n').actionItems[0]?.owner).toBe('jdoe')
  })
})

describe('italic pseudo-headings', () => {
  it('an italic label ending in a colon that names a section is a heading; an italic remark is text', () => {
    const r = recordOf(
      '# Web outage\n\n*Issue Summary:*\n\nThe web tier failed for an hour.\n\n*Timeline:*\n\n- 10:00 UTC errors begin\n- 11:00 UTC fixed\n\n_Root Cause and Resolution:_\n\nA bad config, reverted.\n\n*Note: graphs are hourly.*\n',
    )
    expect(r.sections.map((s) => `${s.key}:${s.heading}`)).toEqual(['summary:Issue Summary', 'timeline:Timeline', 'rootCause:Root Cause and Resolution'])
    expect(r.summary).toBe('The web tier failed for an hour.')
    expect(classifyLine('*Mostly harmless:*', { plain: false, standalone: true, inTimeline: false }).type).toBe('text')
  })
})

describe('status-post label headings', () => {
  it('an ISSUE: heading is the summary section, not a metadata line', () => {
    const r = recordOf('# Mail delayed\n\n#### ISSUE:\n\nOutgoing mail was delayed for two hours.\n\n#### CAUSE:\n\nA full disk.\n')
    expect(r.sections.map((s) => s.key)).toEqual(['summary', 'rootCause'])
    expect(r.summary).toBe('Outgoing mail was delayed for two hours.')
  })
})

describe('Chinese and Japanese field labels', () => {
  it('reads bold labels with a full-width or ASCII colon as the fields they name', () => {
    const r = recordOf(
      '# 数据库故障复盘\n\n2024-03-01 的一次配置变更埋下了隐患。\n\n**日期**：2024-03-05\n**严重程度**: P1\n**负责人**：张三\n\n**影响**：订单服务不可用约 30 分钟。\n',
    )
    expect(r.date).toBe('2024-03-05')
    expect(r.severity).toBe('P1')
    expect(r.authors).toEqual(['张三'])
    expect(r.sections.map((s) => s.key)).toContain('impact')
    // 发现人 ("found by"): who or what noticed it, the detection.
    const found = recordOf('# 代理故障\n\n**日期**: 2024-03-05\n**发现人**: 用户反馈从 04:39 开始无法访问网站。\n\n## 根因\n\n证书过期。\n')
    expect(found.sections.map((s) => `${s.key}:${s.heading}`)).toEqual(['detection:发现人', 'rootCause:根因'])
    const ja = recordOf('# 障害報告\n\n**発生日**：2024-04-02\n**重要度**：高\n\n## 概要\n\nAPI が停止した。\n')
    expect(ja.date).toBe('2024-04-02')
    expect(ja.severity).toBe('高')
  })
})

describe('metadata written as headings', () => {
  it('fills authors from an Authors heading over a list or a line, and severity from a Severity heading', () => {
    const listed = recordOf('# Cache outage\n\n## Authors\n\n* Ana Ruiz\n* Bo Chen\n\n## Summary\n\nThe cache dropped every key for ten minutes.\n')
    expect(listed.authors).toEqual(['Ana Ruiz', 'Bo Chen'])
    expect(recordOf('# Cache outage\n\n## Author\nAna Ruiz\n\n## Summary\n\nThe cache dropped every key.\n').authors).toEqual(['Ana Ruiz'])
    const severe = recordOf(
      '# Leaked token\n\n## Severity\n\n**Critical** - a token with write access was exposed.\n\n## Summary\n\nA token leaked in a build log.\n',
    )
    expect(severe.severity).toBe('Critical')
  })

  it('reads a Date heading over a paragraph that is only a date, before a prose mention of an earlier change', () => {
    const r = recordOf(
      '# Cache outage\n\n### Date\n\n8/11/2023\n\n### Authors\n\nKim Lee\n\n### Summary\n\nOn 8/7/2023 we grew the cache. Days later the cache nodes ran out of memory.\n',
    )
    expect(r.date).toBe('2023-08-11')
    expect(r.sections.map((s) => s.key)).toContain('summary')
  })

  it('does not take a job title after the name as a second author', () => {
    expect(recordOf('# Outage\n\nAuthor: Kim Lee, Senior DevOps Engineer\n\n## Summary\n\nThe site was down for an hour.\n').authors).toEqual(['Kim Lee'])
    expect(recordOf('# Outage\n\nAuthors: Kim Lee, Ana Ruiz and Bo Chen\n\n## Summary\n\nThe site was down for an hour.\n').authors).toEqual([
      'Kim Lee',
      'Ana Ruiz',
      'Bo Chen',
    ])
  })
})

describe('section headings with emoji shortcodes', () => {
  it('drops a shortcode at either end and never mangles one inside', () => {
    const r = recordOf(
      '# Outage\n\n## :globe_with_meridians: Timeline\n\n- 10:00 paged\n\n## Root Cause: :warning:\n\nA bad config.\n\n## Fix the :heavy_check_mark: list\n\nDone.\n',
    )
    expect(r.sections.map((s) => s.heading)).toEqual(['Timeline', 'Root Cause', 'Fix the :heavy_check_mark: list'])
  })
})

describe('bold lines in Markdown prose', () => {
  it('a bold sentence or a bold yes/no answer is text of its section, not a heading', () => {
    const r = recordOf(
      '# Outage\n\n## Were customers affected?\n\n**Self-hosted installations were not affected by the outage.**\n\n## Security related\n\n**Yes**\n\n## Root cause\n\n**Phase 1 - first fixes:**\n\nWe rotated keys.\n',
    )
    // "Security related" over a bold answer is metadata (not a section), and the answer never becomes a heading of its own.
    expect(r.sections.map((s) => s.heading)).toEqual(['Were customers affected?', 'Root cause'])
  })
})

describe('captions and channel names', () => {
  it('a bold label over a code block that names no section exactly is a caption of the block, not a section', () => {
    const r = recordOf(
      '# Load spike\n\n## Summary\n\nThe host stalled for half an hour.\n\n## Log evidence\n\n**High load (16:30 UTC):**\n\n```text\nload average: 53.12\n```\n\n**Service impact (web app):**\n\n```text\n16:30:49 disconnected from broker\n```\n\n## Resolution\n\nWe restarted the host.\n',
    )
    expect(r.sections.map((s) => `${s.key}:${s.heading}`)).toEqual(['summary:Summary', 'null:Log evidence', 'resolution:Resolution'])
    expect(r.sections.find((s) => s.heading === 'Log evidence')?.text).toContain('disconnected from broker')
  })

  it('a bold label that names a section exactly stays one over its code block', () => {
    const r = recordOf(
      '# Load spike\n\n## Summary\n\nThe host stalled.\n\n## Details\n\n**Timeline:**\n\n```\n10:00 UTC load rises\n10:30 UTC host restarted\n```\n',
    )
    expect(r.sections.map((s) => s.key)).toContain('timeline')
  })

  it('a chat channel name (`#incident-response`) in a heading names no section', () => {
    expect(matchSection('#incident-response logs')).toBeNull()
    expect(matchSection('#ops-alerts channel')).toBeNull()
    expect(matchSection('Incident response')?.key).toBe('resolution')
    const r = recordOf('# Outage\n\n## Summary\n\nThe site was down.\n\n## Appendix\n\n### #incident-response logs\n\n```\n[1:04 PM] kim: on it\n```\n')
    expect(r.sections.map((s) => s.key)).toEqual(['summary', null, null])
  })
})

describe('plain-text reports written without blank lines', () => {
  const report =
    'Outage report\nIssue Summary\nDuration:\nStart: May 2, 2023, 09:00 AM (UTC)\nEnd: May 2, 2023, 10:00 AM (UTC)\nImpact:\nThe API was down for every user.\nTimeline\n09:00 AM (UTC): Alert fired.\n09:30 AM (UTC): Cache restarted.\n10:00 AM (UTC): Service restored.\nRoot Cause\nA full cache.\n'

  it('a `Duration:` label over field lines does not swallow the rest of the report as its value', () => {
    const r = recordOf(report)
    expect(r.sections.map((s) => s.key)).toEqual(['summary', 'impact', 'timeline', 'rootCause'])
    expect(r.timeline.map((e) => e.time)).toEqual(['09:00', '09:30', '10:00'])
    expect(r.summary).toBe('The API was down for every user.')
  })

  it('a `Duration:` label over its own value line keeps that line as the value', () => {
    const r = recordOf('Outage report\nDuration:\n2 hours\nTimeline\n09:00 AM (UTC): Alert fired.\n11:00 AM (UTC): Service restored.\n')
    expect(r.timeline).toHaveLength(2)
    expect(r.durationMinutes).toBe(120)
  })
})

describe('question lines by length and place', () => {
  it('a question that is one line of a Markdown paragraph stays prose of its section', () => {
    const r = recordOf(
      "# Blog outage\n\n## The site is down\n\nI only noticed the outage when I visited the site myself.\nThe proxy answered with a 502.\nWhy didn't I know about this sooner?\n\nThe monitor e-mailed an inbox I never read.\n\n## The database is down\n\nIt failed to start.\n",
    )
    expect(r.sections.map((s) => s.heading)).toEqual(['The site is down', 'The database is down'])
  })

  it('a longer question on a line of its own in a plain-text report heads its section', () => {
    const r = recordOf(
      'Database outage on 2023-11-12\n\nWhat happened?\n\nThe database stopped answering at 11:00 PST.\n\nWhat are we doing to prevent it from happening again?\n\n- Replace the failed disk\n- Alert on replica lag\n',
    )
    expect(r.sections.map((s) => s.key)).toEqual(['summary', 'actionItems'])
    expect(r.actionItems.map((a) => a.text)).toEqual(['Replace the failed disk', 'Alert on replica lag'])
  })
})

describe('labels set between emoji', () => {
  it('a plain-text label line wrapped in emoji keys its section like the bare label would', () => {
    const r = recordOf(
      'The Great Cache Outage\n\n📉 The Scene of the Crime: 📉\nDate: August 15, 2024\n💥 The Impact: 💥\nPages loaded slowly for most of our users all afternoon.\n🧠 The Lessons Learned: 🧠\nWatch the cache.\n',
    )
    expect(r.sections.map((s) => `${s.key}:${s.heading}`)).toEqual(['null:The Scene of the Crime', 'impact:The Impact', 'lessonsLearned:The Lessons Learned'])
    expect(r.summary).toBe('Pages loaded slowly for most of our users all afternoon.')
  })
})
