import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { isChromeHeading, isChromeLine } from '../src/normalize/summary/status-page-chrome.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (md: string) => normalizeDocument('status.md', md, options).record

describe('a status page without a title', () => {
  it('takes neither its first standing heading as the title nor its stock line as the summary', () => {
    const r = record(
      '---\nlayout: default\n---\n\n## Upcoming maintenance windows\n\nThere are no upcoming maintenance windows.\n\n## Past incidents\n\n### Router update (2018-08-14)\n\nWe applied a configuration change to the router, which needed a reboot of ten minutes.\n',
    )
    expect(r.title).toBe(null)
    expect(r.summary).toBe('We applied a configuration change to the router, which needed a reboot of ten minutes.')
  })

  it('keeps a leading heading that names the incident as the title', () => {
    expect(record('## Upcoming maintenance broke the router\n\nThe router rebooted for ten minutes during the window.\n').title).toBe(
      'Upcoming maintenance broke the router',
    )
  })

  it('drops a page intro that presents the page rather than an incident', () => {
    const r = record(
      '---\ntitle: Downtime report\n---\nThis is a page where I will discuss any downtime of the services I run. A report will list the time and the cause.\n\n#### Downtime on March 3rd, 2019\n\nThe web server was overloaded by a CPU-heavy job and stopped serving pages.\n',
    )
    expect(r.summary).toBe('The web server was overloaded by a CPU-heavy job and stopped serving pages.')
  })
})

describe('status page chrome', () => {
  it('names the standing headings and stock lines, not incident text', () => {
    for (const h of ['Upcoming maintenance windows', 'Past Incidents', 'Scheduled maintenance', 'Incident history', 'System status', 'Subscribe to updates'])
      expect(isChromeHeading(h)).toBe(true)
    for (const h of ['Router update', 'Past incidents of the database', 'Status of the migration']) expect(isChromeHeading(h)).toBe(false)
    for (const l of [
      'There are no upcoming maintenance windows.',
      'There are currently no active incidents.',
      'No incidents reported today.',
      'Subscribe to updates',
      'All systems operational',
    ])
      expect(isChromeLine(l)).toBe(true)
    for (const l of ['There are no backups of the old disk.', 'No incidents were caused by the change, but the router rebooted.'])
      expect(isChromeLine(l)).toBe(false)
  })
})
