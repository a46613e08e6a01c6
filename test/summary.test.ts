import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { detectLanguage, proseOf } from '../src/normalize/summary/language.js'
import { isStampLine } from '../src/normalize/summary/summary-lines.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { deriveDisplayTitle } from '../src/normalize/summary/title-text.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record

describe('summary', () => {
  it('isStampLine: dates, times, zones and "Posted" only; words that merely start like a month or end in t are words', () => {
    for (const line of ['Posted Jan 12, 2024 - 18:03 UTC', 'Tuesday, March 5, 10:05 CET', 'Updated 2 days ago. Sept. 3 - 9:15 a.m. PDT'])
      expect(isStampLine(line), line).toBe(true)
    for (const line of ['Start 14:00 UTC', 'Lost 10:05', 'Monitoring at 10:05', 'Market 10:05 UTC', 'Test at 10:05'])
      expect(isStampLine(line), line).toBe(false)
  })

  it("takes a template question's answer, not the question, and keeps hard-broken lines apart", () => {
    const text = '# Down\n\n## Issue Summary\n\nDuration of the outage with start and end times?  \n`20 seconds at 3:00pm PST, every request failed`\n'
    expect(recordOf(text).summary).toBe('20 seconds at 3:00pm PST, every request failed')
    expect(recordOf('# Down\n\n## Summary\n\nThe queue stopped  \nand every job waited for an hour.\n').summary).toBe(
      'The queue stopped and every job waited for an hour.',
    )
  })

  it("takes a status log's first update only when the first prose is one of its updates (an update without text is none)", () => {
    const log = (top: string) =>
      `# Down\n\n${top}## Updates\n\n### 2024-03-03 18:03\n\n\`\`\`\nok\n\`\`\`\n\n### 2024-03-03 17:41\n\nA fix for the slow database query was rolled out to production.\n\n### 2024-03-03 16:58\n\nRequests to the API in Europe are timing out for many users.\n`
    expect(recordOf(log('')).summary).toBe('Requests to the API in Europe are timing out for many users.')
    expect(recordOf(log('## Notes\n\nThe API was slow for every customer in Europe for an hour.\n\n')).summary).toBe(
      'The API was slow for every customer in Europe for an hour.',
    )
  })

  it("takes a status page's first update when the latest opens with a stock line, and never a list of affected components", () => {
    const page = (latest: string, affected: string) =>
      `# API errors\n\n**Resolved**\n${latest}\nPosted Mar 14, 2024 - 16:42 UTC\n\n**Identified**\nThe issue has been identified as a bad load balancer rule.\n` +
      `Posted Mar 14, 2024 - 15:20 UTC\n\n**Investigating**\nWe are investigating elevated error rates on the REST API.\nPosted Mar 14, 2024 - 14:51 UTC\n\n` +
      `This incident affected: ${affected}\n`
    const first = 'We are investigating elevated error rates on the REST API.'
    expect(recordOf(page('This incident has been resolved. All systems are operating normally.', 'API and Webhooks.')).summary).toBe(first)
    expect(recordOf(page('This incident has been resolved.', 'Web & Mobile, API (EU).')).summary).toBe(first)
    expect(recordOf('# Storage outage\n\n**Date**: 2023-05-04\n\n**Impact**: Uploads failed.\n').summary).toBe('Uploads failed.')
    expect(recordOf('# Storage outage\n\n**Date**: 2023-05-04\n\n**Impact**: Uploads and Downloads.\n').summary).toBe('')
  })

  it("takes a status page's first update when the latest one opens with a sentence about the incident's state", () => {
    const page =
      '# Elevated API errors\n\n**Resolved** - This incident has been resolved. All API requests are succeeding.\nMar 12, 2024 - 16:45 UTC\n\n' +
      '**Identified** - The issue has been identified and a fix is being rolled out.\nMar 12, 2024 - 15:58 UTC\n\n' +
      '**Investigating** - We are investigating elevated error rates on the API.\nMar 12, 2024 - 15:31 UTC\n'
    expect(recordOf(page).summary).toBe('We are investigating elevated error rates on the API.')
  })

  it('skips notes about the updates themselves (more to follow, newest at the top), in English and German', () => {
    expect(
      recordOf(
        '# Down\n\nMore details to follow.\n\nWeitere Infos folgen sobald diese vorliegen.\n\nThe login service rejected every password for two hours.\n',
      ).summary,
    ).toBe('The login service rejected every password for two hours.')
  })

  it("skips a status page's stock line and a zone note inside the summary's paragraph", () => {
    expect(recordOf('# Login errors\n\nThis incident has been resolved.\n\nThe session store filled up and logins failed for an hour.\n').summary).toBe(
      'The session store filled up and logins failed for an hour.',
    )
    expect(recordOf('# Cache\n\nThe cache cluster failed on 4 March 2024. All times are Berlin time.\n\n## Timeline\n\n- 10:00 down\n').summary).toBe(
      'The cache cluster failed on 4 March 2024.',
    )
    expect(recordOf('# Queue\n\nTimestamps are in UTC. The queue stalled for two hours after a bad deploy.\n').summary).toBe(
      'The queue stalled for two hours after a bad deploy.',
    )
  })

  it('reads a summary written as a two-column table, the Summary row before the Impact row', () => {
    const text =
      '# Index not saved atomically\n\n| | |\n|---|---|\n| Authors | kim@ |\n| Status | published |\n\n## Summary\n\n| | |\n|---|---|\n' +
      '| Summary | A refactor stopped saving the index atomically, so a crash could lose writes. |\n| Impact | No user reported a problem. |\n\n' +
      '## Background\n\nWe are not aware of any cases in production.\n'
    expect(recordOf(text).summary).toBe('A refactor stopped saving the index atomically, so a crash could lose writes.')
  })

  it('reads the What: bullet of a what/when/impact summary', () => {
    const text =
      '# Incident 2023-05-04\n\n## Summary\n\n* **What:** DNS zone dropped by the provider\n* **When:** 2023-05-04 10:00-10:35 UTC\n* **Impact:** no site resolved\n'
    expect(recordOf(text).summary).toBe('DNS zone dropped by the provider')
  })

  it("skips a status update's label and its own stamp line", () => {
    expect(recordOf('# Errors\n\n**Resolved** - Error rates are back to normal after the rollback.\nPosted Jan 12, 2024 - 18:03 UTC\n').summary).toBe(
      'Error rates are back to normal after the rollback.',
    )
  })

  it('skips sentences about the document itself (pointers, offers to explain, apologies, "investigating" notes)', () => {
    expect(recordOf('# Outage\n\nThe API lost its database for ten minutes. Here is the postmortem and analysis of the incident.\n').summary).toBe(
      'The API lost its database for ten minutes.',
    )
    expect(
      recordOf(
        '# Outage\n\nThe following is the incident report of the mail outage that happened on 2 May. We understand this hurt our users, and we apologize to everyone affected.\n\nFrom 08:00 to 11:00 no mail was delivered to any mailbox at all.\n',
      ).summary,
    ).toBe('From 08:00 to 11:00 no mail was delivered to any mailbox at all.')
    expect(recordOf('# Outage\n\nAfter a deploy the build server was down. We want to share with you a detailed explanation of what happened.\n').summary).toBe(
      'After a deploy the build server was down.',
    )
    expect(
      recordOf('# Outage\n\nA plugin upgrade broke agent allocation on the CI server. Investigation is in progress to find the root cause.\n').summary,
    ).toBe('A plugin upgrade broke agent allocation on the CI server.')
    expect(recordOf('---\ndescription: The site had more timeouts. Here is the postmortem on the incident.\n---\n# Timeouts\n\nText.\n').summary).toBe(
      'The site had more timeouts.',
    )
  })

  it('takes the explicit summary section over a preamble', () => {
    const r = recordOf(
      '# Cache outage\n\nThis page collects what we know so far about the cache problem and how we will follow up.\n\n## Summary\n\nThe session cache evicted every key for twenty minutes.\n',
    )
    expect(r.summary).toBe('The session cache evicted every key for twenty minutes.')
  })

  it('takes an explicit Summary section over a "What happened" or Background section written before it', () => {
    for (const first of ['What happened', 'Background', 'Description'])
      expect(
        recordOf(
          `# Checkout outage\n\n## ${first}\n\nA deploy went out at ten and the checkout service began to fail soon after.\n\n## Summary\n\nCheckout failed for every customer for forty minutes after a bad deploy.\n`,
        ).summary,
        first,
      ).toBe('Checkout failed for every customer for forty minutes after a bad deploy.')
  })

  it('reads a sentence with a colon after a lead phrase as prose, not as a data field', () => {
    expect(recordOf('# Weekly report\n\n## Summary\n\nTwo incidents this week: an API outage on Tuesday and a database failover on Thursday.\n').summary).toBe(
      'Two incidents this week: an API outage on Tuesday and a database failover on Thursday.',
    )
    expect(recordOf('# Outage\n\n## Summary\n\nDuration: 40 minutes\n\nCheckout failed for every customer after a bad deploy.\n').summary).toBe(
      'Checkout failed for every customer after a bad deploy.',
    )
  })

  it('keeps a preamble over a late Background section', () => {
    const r = recordOf(
      '# DNS outage\n\nThe resolver stopped answering for thirty-five minutes on Monday.\n\n## Timeline\n\n- 10:00 resolver down\n\n## Background\n\nWe run two resolvers behind one address, which is an old setup.\n',
    )
    expect(r.summary).toBe('The resolver stopped answering for thirty-five minutes on Monday.')
  })

  it('skips time-zone notes, example statements and data fields', () => {
    const r = recordOf(
      '# Queue stall\n\nAll times are in UTC.\n\nThis is an example postmortem written for a course.\n\nDuration: 2024-01-02 10:00 - 11:00\n\nThe job queue stopped accepting work for an hour after a bad deploy.\n',
    )
    expect(r.summary).toBe('The job queue stopped accepting work for an hour after a bad deploy.')
  })

  it('reads a summary written as a field line or as bullets', () => {
    expect(recordOf('# Outage\n\nIssue Summary\nImpact: 🚫 Our shop was down and nobody could pay.\n').summary).toBe('Our shop was down and nobody could pay.')
    expect(recordOf('# Outage\n\n## Summary\n\n- Checkout failed for all users\n- Payments were retried later\n').summary).toBe(
      'Checkout failed for all users. Payments were retried later.',
    )
  })

  it('reads a summary written as a labelled list item under a generic heading, before the prose elsewhere', () => {
    const r = recordOf(
      '# Storage outage\n\n## Details\n\n- **Summary:** Object storage rejected writes for 40 minutes on 2 June.\n- **Impact:**\n  - 12% of uploads failed.\n- **Root cause:** A certificate on the gateway expired.\n\n## Notes\n\nThe gateway team owns the certificates and will look into renewal.\n',
    )
    expect(r.summary).toBe('Object storage rejected writes for 40 minutes on 2 June.')
  })

  it('reads prose indented into a code block under the summary heading', () => {
    const r = recordOf(
      '# Summary:\n\tFrom 3:00 pm to 5:00 pm users saw a slow website and some could not connect at all.\n\n# Timeline:\n\t3:00 pm - first complaint\n',
    )
    expect(r.summary).toBe('From 3:00 pm to 5:00 pm users saw a slow website and some could not connect at all.')
  })

  it('never cuts at an ordinal or an abbreviation', () => {
    const r = recordOf(
      '# Database errors\n\n## Summary\n\nOn 3. August, a few hours after a migration, e.g. of the user tables, we got notified about errors. The rest followed.\n',
    )
    expect(r.summary).toBe('On 3. August, a few hours after a migration, e.g. of the user tables, we got notified about errors. The rest followed.')
  })
})

describe('language', () => {
  it('names German, French and Japanese prose, and nothing for English or short text', () => {
    expect(
      detectLanguage(
        'Der Dienst war am Vormittag für alle Nutzer nicht erreichbar, weil die Datenbank keinen Speicherplatz mehr hatte. Wir haben die Ursache behoben und beobachten die Lage weiter.',
      ),
    ).toBe('de')
    expect(
      detectLanguage(
        'Le site internet et le portail de support ne sont pas accessibles actuellement. Nous sommes en train de rechercher la cause et nous vous tiendrons informés.',
      ),
    ).toBe('fr')
    expect(detectLanguage('アプリをアップデートすると起動できなくなる障害が発生しました。原因は設定の誤りであり、修正版を公開しました。')).toBe('ja')
    expect(detectLanguage('The database ran out of disk space in the morning, so every write failed until we added a volume and restarted it.')).toBeNull()
    expect(detectLanguage('Störung behoben.')).toBeNull()
  })

  it('names Chinese, Japanese and Korean prose by its script, however many English terms and log words it quotes', () => {
    const chinese =
      'VPS 上的 CrowdSec AppSec 将自家出口 IP 对 Jellyfin 播放进度接口的请求误判为攻击，集群 LAPI 根据 profile 生成 4h ban。Gatus 的 subconverter / derp 等公网域名检查超时，vps-caddy TCP 检查仍成功。'
    expect(detectLanguage(chinese)).toBe('zh')
    expect(
      detectLanguage(
        'Kubernetes の control plane が再起動に失敗し、API server へのリクエストが 3 分間タイムアウトしました。etcd の snapshot から復旧しました。',
      ),
    ).toBe('ja')
    expect(detectLanguage('Kubernetes control plane 재시작이 실패하여 API server 요청이 3분 동안 시간 초과되었습니다. etcd snapshot 에서 복구했습니다.')).toBe(
      'ko',
    )
    // A few CJK words quoted in English prose do not make it Chinese.
    expect(
      detectLanguage(
        'The Chinese heading 根因 means root cause and 修复 means the fix; we map both when a report uses them, and the rest stays English prose.',
      ),
    ).toBeNull()
  })

  it('names nothing for terse English fragments without function words (dashes aside, no letter past A-Z)', () => {
    const terse =
      'Pages timed out. Cache cluster flushed by a cleanup job. Product pages time out. Cache warm again, pages load. Rate-limit cache misses per key.'
    expect(detectLanguage(terse)).toBeNull()
    expect(detectLanguage(`${terse.replace(/\. /g, ' — ')}`)).toBeNull()
  })

  it('removes e-mail addresses in linear time: one address and a long token cost in proportion to the token', () => {
    const timed = (n: number): number => {
      const nodes = parseMarkdown(`Mail ops@example.com for details.\n\nPayload: ${'A'.repeat(n)} end\n`).children
      const started = performance.now()
      expect(proseOf(nodes, 4000)).toContain('Mail for details.')
      return performance.now() - started
    }
    timed(1_000)
    const small = timed(10_000)
    // Eight times the token: eight times the cost when linear, sixty-four when quadratic; the budget is twice linear plus slack for load.
    expect(timed(80_000)).toBeLessThan(16 * small + 500)
  })

  it('reads only the opening of a long text, so a long German report costs what a short one does and stays German', () => {
    const german = 'Der Dienst war am Vormittag für alle Nutzer nicht erreichbar, weil die Datenbank keinen Speicherplatz mehr hatte. '
    const report = [
      german,
      'Gegen zehn Uhr bemerkte das Team erste Fehlermeldungen in der Überwachung und begann mit der Suche nach der Ursache. ',
      'Nachdem der Speicher erweitert worden war, liefen alle Anfragen wieder ohne Verzögerung durch. ',
      'Wir werden künftig früher warnen, wenn der freie Platz knapp wird, und die Protokolle regelmäßig aufräumen. ',
    ].join('')
    expect(detectLanguage(report.repeat(30))).toBe('de')
    // German prose quoting English terms is still German: the English function words stay rare.
    expect(detectLanguage(`${german}Das Deployment der App und das Rollback im Cluster dauerten lange. Der Dienst war danach wieder erreichbar.`)).toBe('de')
  })

  it('reads the prose of only as many nodes as the length asked for needs: the start of the prose of all of them', () => {
    const paragraph = (i: number): string => `Paragraph ${i} with \`inline code\`, https://example.com/${i} and a@b.example, then   words.`
    const markdown = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? `- item ${i}\n- second \`x\`` : i % 11 === 0 ? '```\ncode\n```' : paragraph(i))).join(
      '\n\n',
    )
    const nodes = parseMarkdown(markdown).children
    const whole = proseOf(nodes, 1_000_000)
    expect(whole.length).toBeGreaterThan(4000)
    for (const max of [1, 37, 600, 4000, 6001]) expect(proseOf(nodes, max)).toBe(whole.slice(0, max))
  })

  it('puts the language on the record only when it is not English', () => {
    const de = recordOf(
      '# Störung\n\n## Zusammenfassung\n\nDer Dienst war am Vormittag für alle Nutzer nicht erreichbar, weil die Datenbank keinen Speicherplatz mehr hatte. Wir haben die Ursache behoben.\n',
    )
    expect(de.language).toBe('de')
    expect(de.sections[0]?.key).toBe('summary')
    expect(
      recordOf('# Outage\n\n## Summary\n\nThe database ran out of disk space in the morning, so every write failed until we added a volume.\n').language,
    ).toBeUndefined()
  })
})

describe('display title', () => {
  it('derives one from the summary when the title names no incident, keeping the author title', () => {
    const r = recordOf('# 0x19. Postmortem\n\n## Issue Summary\n\nOn 3 March 2024, the web service experienced a major outage from 08:00 to 14:00 UTC.\n')
    expect(r.title).toBe('0x19. Postmortem')
    expect(r.displayTitle).toBe('The web service experienced a major outage')
    expect(r.titleDerived).toBe(true)
  })

  it('leaves a real title alone', () => {
    expect(recordOf('# Postmortem: cache cluster outage\n\n## Summary\n\nThe cache cluster dropped every connection.\n').displayTitle).toBeUndefined()
  })

  it('drops leading time phrases', () => {
    expect(deriveDisplayTitle('Between 14h34 and 14h47 GMT+2, our map tiles failed to load for most users.')).toBe('Our map tiles failed to load')
  })

  it('makes a readable subject phrase, not a clause fragment', () => {
    // A comma inside the subject does not end it when what comes before is no clause.
    expect(deriveDisplayTitle('On 12 May, a large share, 70% of our riders, could not open their maps.')).toBe('A large share, 70% of our riders')
    // Capitals joined by AND are one phrase; "that led to" ends the subject.
    expect(deriveDisplayTitle('At 2am we faced an URGENT AND IMPORTANT problem that led to dropping everything.')).toBe(
      'We faced an URGENT AND IMPORTANT problem',
    )
    // "It was found that ..." is a lead-in: the subject is what was found.
    expect(deriveDisplayTitle('On October 2, it was discovered that one of our web servers was unable to take requests.')).toBe(
      'One of our web servers was unable to take requests',
    )
    expect(deriveDisplayTitle('Between the hours of 13:00 and 17:35 it was determined that our home page was no longer reachable.')).toBe(
      'Our home page was no longer reachable',
    )
    // A verb that only says it happened is dropped.
    // A range with its zone and day before the comma is all lead: "Between 2:30 pm and 3:45 pm AEST on 12 June 2024,".
    expect(deriveDisplayTitle('Between 2:30 pm and 3:45 pm AEST on 12 June 2024, 40% of users could not log in to the mobile app.')).toBe(
      '40% of users could not log in to the mobile app',
    )
    expect(deriveDisplayTitle('Between 09:10 and 09:40 UTC on Tuesday, the API returned errors for every request.')).toBe('The API returned errors')
    expect(deriveDisplayTitle("The website's downtime occurred on Wednesday from 03:00 to 04:00 due to a power-off.")).toBe("The website's downtime")
    expect(deriveDisplayTitle('The site crashed, and users saw errors.')).toBe('The site crashed')
  })
})

describe('summary under a labelled bullet', () => {
  it('reads the sentences nested under an Impact: bullet, skipping data fields', () => {
    const r = recordOf(
      '# Outage\n\n**Issue Summary:**\n- **Duration:**\n  - Start Time: March 11, 2024, 09:30 AM (UTC)\n- **Impact:**\n  - Service: Streaming Platform\n  - User Experience: most users saw a complete outage while the rest saw buffering.\n',
    )
    expect(r.summary).toBe('most users saw a complete outage while the rest saw buffering.')
  })
})

describe('summary: a sentence that introduces what follows', () => {
  it('is not the summary: the next prose is, or the sentences before it in the same paragraph', () => {
    const code = recordOf(
      '# Testnet halt\n\nOn 15 March a proposal was submitted:\n\n```json\n{ "value": 0.999 }\n```\n\nThe chain halted because the two rewards together passed 1.\n',
    )
    expect(code.summary).toBe('The chain halted because the two rewards together passed 1.')
    const before = recordOf('# Testnet halt\n\nThe chain halted for six hours. The following proposal caused it:\n\n```json\n{ "value": 0.999 }\n```\n')
    expect(before.summary).toBe('The chain halted for six hours.')
  })

  it('still does when nothing else says anything', () => {
    expect(
      recordOf('# Testnet halt\n\nA proposal that changed the proposer reward to nearly one halted the whole chain:\n\n```json\n{ "value": 0.999 }\n```\n')
        .summary,
    ).toBe('A proposal that changed the proposer reward to nearly one halted the whole chain:')
  })
})

describe('summary: a Summary heading nested in another section', () => {
  const report = (lead: string) =>
    `# Chain split post mortem\n\n${lead}## Timeline\n\n- 2021-08-17: A bug report arrived.\n- 2021-08-27: The bug was exploited.\n\n` +
    '## Bug report\n\n### Memory corruption in the VM\n\n#### Technical details\n\nThe copy routine overwrote its own buffer.\n\n' +
    '#### Summary\n\nA memory-corruption bug can make vulnerable nodes compute a different state root.\n\n## Lessons learned\n\nShip fixes faster.\n'

  it("sums up that section, so the report's lead paragraph is the summary", () => {
    const lead = 'A minority chain split happened on mainnet at block 100, when some nodes followed another chain.\n\n'
    expect(recordOf(report(lead)).summary).toBe('A minority chain split happened on mainnet at block 100, when some nodes followed another chain.')
  })

  it('is still the summary when the report has no lead paragraph, and a wrapper over the whole report nests nothing', () => {
    expect(recordOf(report('')).summary).toBe('A memory-corruption bug can make vulnerable nodes compute a different state root.')
    const wrapped =
      '# Cache outage\n\nSome words about our team and how we write these reports for everyone to read.\n\n## Postmortem\n\n### Summary\n\nThe cache dropped every key for ten minutes.\n\n### Timeline\n\n- 10:00 UTC keys gone\n'
    expect(recordOf(wrapped).summary).toBe('The cache dropped every key for ten minutes.')
  })
})

describe('summary: a paragraph of `<br>`-separated fields with soft-wrapped lines', () => {
  it("reads the Description field whole, to its `<br>`, across the source's line wraps", () => {
    const text =
      '# Site offline\n\nStatus: final<br> Owners: @kim\n\n## Summary\n\nDescription: The site was offline for most users for a period of several\nhours.<br> Component: web site<br> Date/time: 2023-08-26 21:14\nPDT<br> Duration: 15 hours 40 minutes<br> User impact: new users could\nnot reach the docs.\n\n## Timeline\n\n- 2023-08-26 21:14 PDT site down\n'
    expect(recordOf(text).summary).toBe('The site was offline for most users for a period of several hours.')
    const wrapped =
      '# Installer flagged\n\n## Summary\n\nDescription: A change to a virus scanner caused failing builds and, more\nimportantly, flagged the app as malware for some users.<br> Component:\nRelease<br> Duration: two days<br> User impact: An\nunknown number of users could not install the app.\n'
    expect(recordOf(wrapped).summary).toBe(
      'A change to a virus scanner caused failing builds and, more importantly, flagged the app as malware for some users.',
    )
  })
})

describe('summary boilerplate of filled templates and site pages', () => {
  it("skips a template's italic instruction to its author, closed or left open across a hard break", () => {
    const r = recordOf(
      '# Queue stall\n\n## Overview\n\n*Include a short sentence or two summarizing the impact.*\n\n## What Happened\n\n*Include a short description of what happened.  \n*\n\nThe web UI returned 504 errors for every request.\n',
    )
    expect(r.summary).toBe('The web UI returned 504 errors for every request.')
  })

  it("is never the title's own line, however long and whatever emoji surround it", () => {
    const r = recordOf(
      '# 📝 Post-mortem : cascade failure after the storage password of the production cluster changed\n\n**Date :** 7 February 2026\n\n## Impact\n\nThe storage driver failed to log in and fifty applications lost their volumes.\n',
    )
    expect(r.summary).toBe('The storage driver failed to log in and fifty applications lost their volumes.')
  })

  it('a background section that explains the product is no summary when prose before it tells the incident', () => {
    const r = recordOf(
      '---\ntitle: Step backlog\n---\n\nOn Thursday at 07:06 PDT we observed a backlog of steps caused by unacknowledged messages.\n\n### Background: waiting for events\n\nOur product lets developers pause functions until another event arrives.\n\n### Timeline\n\n- 07:06 PDT: Paged.\n',
    )
    expect(r.summary).toBe('On Thursday at 07:06 PDT we observed a backlog of steps caused by unacknowledged messages.')
  })

  it("drops the field lines and HTML of a front-matter excerpt copied from the post's opening", () => {
    const r = recordOf(
      '---\ntitle: Service bulletin\nexcerpt: "Issue status: <strong>Closed</strong>\n\\nIssue commenced: <strong>2013-03-14 19:38</strong>\n\\n"\n---\n\nIssue status: <strong>Closed</strong>\nIssue commenced: <strong>2013-03-14 19:38</strong>\n\n<strong>Description</strong>\nService interruption affecting all users due to hardware failure.\n',
    )
    expect(r.summary).toBe('Service interruption affecting all users due to hardware failure.')
  })

  it('reads an executive summary named in French or in Japanese katakana as the summary section', () => {
    const r = recordOf(
      '# Panne\n\n## 1. 📝 RÉSUMÉ EXÉCUTIF\n\nLe stockage a refusé les connexions pendant deux heures.\n\n## 2. Chronologie\n\n- 10:00 : début\n',
    )
    expect(r.sections[0]?.key).toBe('summary')
    expect(recordOf('# 障害報告書\n\n## エグゼクティブサマリー\n\n本番運用時にシステムが停止しました。\n').sections[0]?.key).toBe('summary')
  })
})

describe('status posts that label their first paragraph', () => {
  it("reads the text after an 'ISSUE:' or 'Problem:' label as the summary, before a timed update", () => {
    const r = recordOf(
      '---\ntitle: Datacenter power outage\n---\n<p><strong>ISSUE:</strong> This morning, we experienced a power outage at our datacenter provider.</p>\n<p><strong>UPDATE&nbsp;12:35:</strong> The provider announced power issues in two data centers.</p>\n',
    )
    expect(r.summary).toBe('This morning, we experienced a power outage at our datacenter provider.')
    expect(recordOf('Cache outage\n\nProblem: every page load missed the cache for two hours.\n').summary).toBe(
      'every page load missed the cache for two hours.',
    )
  })
})

describe('template prompts in the summary', () => {
  it('skips the questions a filled template keeps (What was down? …) and keeps the answers', () => {
    const md = '# Web outage\n\n## Impact\n\nWhat service was down? The checkout page failed for every user. Who was affected? All shoppers.\n'
    expect(recordOf(md).summary).toBe('The checkout page failed for every user. All shoppers.')
  })
})
