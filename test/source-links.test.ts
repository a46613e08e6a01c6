/** The `repository` config key: "View source" and "Edit this page" links on each postmortem page. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { resolveRepository } from '../src/config.js'
import { ConfigError } from '../src/errors.js'
import { loadConfig } from '../src/config.js'
import { sourceLinks } from '../src/site/source-links.js'
import { projectsForThisFile } from './build-helpers.js'

const root = '/p'
const content = '/p/content'

describe('resolveRepository and sourceLinks', () => {
  it('reads a GitHub edit template: the view link is its /blob/ twin, {path} is the path in the repository, encoded', () => {
    const repo = resolveRepository('https://github.com/acme/pm/edit/main/{path}', root, content)
    expect(sourceLinks(repo, 'team/2024 db #1.md')).toEqual({
      view: 'https://github.com/acme/pm/blob/main/content/team/2024%20db%20%231.md',
      edit: 'https://github.com/acme/pm/edit/main/content/team/2024%20db%20%231.md',
    })
  })

  it('reads an object: GitHub paths by default, GitLab paths on a GitLab host, own templates when given', () => {
    expect(sourceLinks(resolveRepository({ url: 'https://github.com/acme/pm/', branch: 'trunk' }, root, content), 'a.md')).toEqual({
      view: 'https://github.com/acme/pm/blob/trunk/content/a.md',
      edit: 'https://github.com/acme/pm/edit/trunk/content/a.md',
    })
    expect(sourceLinks(resolveRepository({ url: 'https://gitlab.example.com/acme/pm' }, root, '/p'), 'a.md')).toEqual({
      view: 'https://gitlab.example.com/acme/pm/-/blob/main/a.md',
      edit: 'https://gitlab.example.com/acme/pm/-/edit/main/a.md',
    })
    expect(
      sourceLinks(
        resolveRepository({ url: 'https://git.example/pm', view: '{url}/src/branch/{branch}/{path}', edit: 'https://ed.example/?f={path}' }, root, content),
        'a.md',
      ),
    ).toEqual({
      view: 'https://git.example/pm/src/branch/main/content/a.md',
      edit: 'https://ed.example/?f=content/a.md',
    })
  })

  it('gives no links without the key, and no view link for an edit template it cannot read one from', () => {
    expect(sourceLinks(null, 'a.md')).toEqual({ view: null, edit: null })
    expect(sourceLinks(resolveRepository('https://ed.example/?file={path}', root, content), 'a.md')).toEqual({
      view: null,
      edit: 'https://ed.example/?file=content/a.md',
    })
  })
})

const project = projectsForThisFile()

describe('the repository key in a build', () => {
  it('adds View source and Edit this page to each postmortem page, and nothing without it', async () => {
    const p = project(0, { repository: 'https://github.com/acme/pm/edit/main/{path}' })
    mkdirSync(p.config.contentDir, { recursive: true })
    writeFileSync(path.join(p.config.contentDir, 'a.md'), '# Disk full\n\nDate: 2024-01-02\n')
    const result = await build(p.config)
    const page = readFileSync(path.join(p.config.outDir, result.files[0]!.slug!, 'index.html'), 'utf8')
    expect(page).toContain('<a class="view-source" href="https://github.com/acme/pm/blob/main/content/a.md">View source</a>')
    expect(page).toContain('<a class="edit-page" href="https://github.com/acme/pm/edit/main/content/a.md">Edit this page</a>')
    const plain = project(0)
    mkdirSync(plain.config.contentDir, { recursive: true })
    writeFileSync(path.join(plain.config.contentDir, 'a.md'), '# Disk full\n\nDate: 2024-01-02\n')
    const other = await build(plain.config)
    expect(readFileSync(path.join(plain.config.outDir, other.files[0]!.slug!, 'index.html'), 'utf8')).not.toContain('Edit this page')
  })

  it('refuses a template without {path} or with another scheme, naming the key', () => {
    const p = project(0)
    for (const repository of [
      'https://github.com/acme/pm/edit/main/',
      'javascript:alert(1)//{path}',
      { branch: 'main' },
      { url: 'https://x.example', edit: 'javascript:{path}' },
    ]) {
      writeFileSync(path.join(p.root, 'hindsight.config.json'), JSON.stringify({ repository }))
      expect(() => loadConfig(p.root), JSON.stringify(repository)).toThrow(ConfigError)
      expect(() => loadConfig(p.root)).toThrow(/`repository` must be/)
    }
  })
})
