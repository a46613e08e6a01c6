import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isContentFile } from '../src/build/inputs.js'
import { isPostmortemName } from '../src/content/content-name.js'
import { discoverContent } from '../src/content/discover.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-content-name-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('which files are postmortems', () => {
  it('skips a repository README, licence, changelog and contributing guide, templates and `_`-prefixed partials', () => {
    for (const name of [
      'README.md',
      'readme.markdown',
      'CONTRIBUTING.md',
      'CHANGELOG.md',
      'LICENSE.md',
      'template.md',
      '_template.md',
      'postmortem-template.md',
      'TEMPLATE.txt',
      '_index.md',
    ])
      expect(isPostmortemName(name), name).toBe(false)
  })

  it('keeps postmortems whose names only contain those words, and judges a path by its last part', () => {
    for (const name of ['2024-05-01-template-engine-outage.md', 'readme-service-down.md', 'security-incident.md', 'notes.txt', 'team_a/outage.md'])
      expect(isPostmortemName(name), name).toBe(true)
    expect(isPostmortemName('_posts/2024-05-01-db.md')).toBe(true)
    expect(isPostmortemName('2024/README.md')).toBe(false)
    expect(isPostmortemName('image.png')).toBe(false)
  })

  it('discovery and the dev watcher agree: a README in any folder is not listed, the postmortems beside it are', async () => {
    mkdirSync(path.join(dir, '2024'), { recursive: true })
    for (const rel of ['README.md', '2024/README.md', '2024/db-outage.md', '_template.md', 'dns.md']) writeFileSync(path.join(dir, rel), '# x\n')
    const found = await discoverContent(dir)
    expect(found.files.map((f) => f.source)).toEqual(['2024/db-outage.md', 'dns.md'])
    expect(['README.md', '2024/README.md', '2024/db-outage.md', '_template.md', 'dns.md'].filter(isContentFile)).toEqual(['2024/db-outage.md', 'dns.md'])
  })
})
