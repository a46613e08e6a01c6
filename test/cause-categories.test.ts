/** Cause categories: derived from the root-cause and trigger sections by words and stems, browsable, searchable and charted. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { CAUSE_CATEGORIES, deriveCauses, MAX_CAUSES } from '../src/enrich/derive-causes.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { searchRecord } from '../src/search/records.js'
import { projectsForThisFile, REPO } from './build-helpers.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (text: string, source = 'x.md') => normalizeDocument(source, text, options).record

describe('deriveCauses', () => {
  it('reads the root-cause and trigger sections by word stems, in the documented order', () => {
    expect(record('# Outage\n\n## Root cause\n\nThe TLS certificate of the API had expired; nobody renewed it.\n').derivedCauses).toEqual(['certificate'])
    expect(record('# Outage\n\n## Trigger\n\nA rollout of the new version misconfigured the nameserver settings.\n').derivedCauses).toEqual([
      'configuration',
      'deploy',
      'dns',
    ])
    expect(record('# Outage\n\n## Root cause\n\nThe primary ran out of memory when a traffic spike exhausted the connection pool.\n').derivedCauses).toEqual([
      'capacity',
    ])
  })

  it('ignores the other sections: a deploy in the resolution is not a cause', () => {
    const r = record(
      '# Outage\n\n## Root cause\n\nAn operator mistakenly deleted a volume by hand.\n\n## Resolution\n\nWe deployed a fix and rolled out a release.\n',
    )
    expect(r.derivedCauses).toEqual(['human-error'])
  })

  it('keeps the strongest categories only, at most three, and none for a text that names none', () => {
    const many = record(
      '# Outage\n\n## Root cause\n\nConfig config config config config: the database deploy hit DNS, the firewall, a vendor, a DDoS attack and an expired certificate.\n',
    )
    expect(many.derivedCauses).toEqual(['configuration'])
    expect(MAX_CAUSES).toBe(3)
    expect(record('# Outage\n\n## Root cause\n\nSomething went wrong and we are not sure what.\n').derivedCauses).toBeUndefined()
  })

  it('falls back to the title and summary when there is no cause section', () => {
    expect(record('# DNS outage at the registrar\n\nOur domain stopped resolving for an hour.\n').derivedCauses).toEqual(['dns'])
  })

  it('gives ids from the documented set only, each documented', () => {
    const doc = readFileSync(path.join(REPO, 'docs/cause-categories.md'), 'utf8')
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schema/postmortem.schema.json'), 'utf8'))
    expect(schema.properties.derivedCauses.items.enum).toEqual(CAUSE_CATEGORIES.map((c) => c.id))
    for (const c of CAUSE_CATEGORIES) expect(doc).toContain(`| \`${c.id}\` | ${c.label} |`)
    expect(deriveCauses({ ...record('# x'), sections: [] })).toEqual([])
  })

  it('is a search filter by label', () => {
    const r = record('# Outage\n\n## Root cause\n\nThe TLS certificate expired.\n')
    expect(searchRecord({ record: r, html: '' }, { base: '/', sites: {} }).filters.cause).toEqual(['Certificate or expiry'])
  })
})

const project = projectsForThisFile()

describe('category pages', () => {
  it('list each postmortem under its derived categories, say they are derived, and the stats page charts them', async () => {
    const p = project(0)
    mkdirSync(p.config.contentDir, { recursive: true })
    writeFileSync(path.join(p.config.contentDir, 'a.md'), '# Cert expired\n\nDate: 2024-01-02\n\n## Root cause\n\nThe TLS certificate expired.\n')
    writeFileSync(path.join(p.config.contentDir, 'b.md'), '# Bad push\n\nDate: 2024-02-03\n\n## Root cause\n\nA rollout of a new version broke logins.\n')
    writeFileSync(path.join(p.config.contentDir, 'c.md'), '# Quiet\n\nDate: 2024-03-04\n\n## Root cause\n\nUnknown.\n')
    const result = await build(p.config)
    const slug = (s: string) => result.files.find((f) => f.source === s)!.slug!
    const read = (rel: string) => readFileSync(path.join(p.config.outDir, rel), 'utf8')
    const index = read('categories/index.html')
    expect(index).toContain('href="/categories/certificate/"')
    expect(index).toContain('href="/categories/deploy/"')
    expect(index).toContain('derived')
    expect(index).not.toContain('href="/categories/dns/"')
    const certificate = read('categories/certificate/index.html')
    expect(certificate).toContain(`href="/${slug('a.md')}/"`)
    expect(certificate).not.toContain(`href="/${slug('b.md')}/"`)
    expect(read(`${slug('a.md')}/index.html`)).toContain('href="/categories/certificate/">Certificate or expiry</a>')
    expect(JSON.parse(read(`${slug('a.md')}/postmortem.json`)).derivedCauses).toEqual(['certificate'])
    expect(JSON.parse(read(`${slug('c.md')}/postmortem.json`)).derivedCauses).toBeUndefined()
    const stats = read('stats/index.html')
    expect(stats).toContain('id="st-causes"')
    expect(stats).toContain('href="/categories/deploy/"')
    expect(read('index.html')).toContain('href="/categories/"')
    rmSync(p.config.outDir, { recursive: true })
  })
})
