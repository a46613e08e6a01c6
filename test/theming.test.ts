import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { ConfigError } from '../src/errors.js'
import type { Config } from '../src/types.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

const POSTMORTEM =
  '---\ntitle: Cache stampede after deploy\ndate: 2024-05-06\n---\n# Cache stampede after deploy\n\n## Summary\n\nThe cache emptied on deploy.\n'

/** A repository with only content (and whatever `files` adds), as one that installs Hindsight as a dependency has. */
function repo(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-theme-'))
  made.push(root)
  const all = { 'postmortems/cache-stampede.md': POSTMORTEM, ...files }
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
  }
  return root
}

const buildIn = (root: string, overrides: Config = {}) => build(loadConfig(root, { contentDir: 'postmortems', search: false, ...overrides }))
const read = (root: string, rel: string): string => readFileSync(path.join(root, 'site', rel), 'utf8')
const PAGE = 'cache-stampede/index.html'

describe('templates and assets fall back file by file to the bundled ones', () => {
  it('a repository without templates builds with the bundled templates and assets', async () => {
    const root = repo()
    const result = await buildIn(root)
    expect(result.errors).toBe(0)
    expect(read(root, PAGE)).toContain('Cache stampede after deploy')
    expect(read(root, 'assets/style.css')).toContain('.site-header')
    expect(existsSync(path.join(root, 'site/assets/live-reload.js'))).toBe(false)
  })

  it('one overridden partial and one overridden asset replace only themselves; an assets sub-folder is copied', async () => {
    const root = repo({
      'templates/partials/footer.eta': '<footer class="site-footer"><a href="https://status.example.com">Status page</a></footer>\n',
      'templates/assets/style.css': 'body { color: rebeccapurple; }\n',
      'templates/assets/brand/mark.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    await buildIn(root)
    const page = read(root, PAGE)
    expect(page).toContain('Status page')
    expect(page).not.toContain('Built with Hindsight')
    expect(page).toContain('class="site-header"') // the bundled header partial still renders
    expect(read(root, 'index.html')).toContain('Status page') // the bundled layout includes the project's footer
    expect(read(root, 'assets/style.css')).toBe('body { color: rebeccapurple; }\n')
    expect(read(root, 'assets/search.js').length).toBeGreaterThan(0)
    expect(read(root, 'assets/brand/mark.svg')).toContain('<svg')
  })

  it('a partial included relatively from a bundled template is still taken from the project', async () => {
    const root = repo({ 'templates/partials/card.eta': '<div class="my-card">Custom card</div>\n' })
    await buildIn(root)
    expect(read(root, PAGE)).toContain('Custom card')
  })

  it('editing an overriding template rebuilds the pages that use it', async () => {
    const root = repo({ 'templates/partials/footer.eta': '<footer>first</footer>\n' })
    await buildIn(root)
    writeFileSync(path.join(root, 'templates/partials/footer.eta'), '<footer>second</footer>\n')
    await buildIn(root)
    expect(read(root, PAGE)).toContain('second')
  })
})

describe('the theming guide', () => {
  it('names every bundled template, partial and asset', () => {
    const guide = readFileSync(path.join(import.meta.dirname, '../docs/theming.md'), 'utf8')
    const bundled = path.join(import.meta.dirname, '../templates')
    const names = [
      ...readdirSync(bundled).filter((f) => f.endsWith('.eta')),
      ...readdirSync(path.join(bundled, 'partials')).map((f) => `partials/${f}`),
      ...readdirSync(path.join(bundled, 'assets')).map((f) => `assets/${f}`),
    ]
    expect(names.filter((name) => !guide.includes(name))).toEqual([])
  })

  it('its worked example (logo, favicon, theme.css, an extra footer link) builds as it says', async () => {
    const root = repo({
      'brand/acme.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'brand/favicon.png': 'png',
      'templates/partials/footer.eta': readFileSync(path.join(import.meta.dirname, '../templates/partials/footer.eta'), 'utf8').replace(
        '</p>',
        ' · <a href="https://status.acme.example">Status page</a></p>',
      ),
      'templates/assets/theme.css': ':root { --accent: #c8102e; }\n',
    })
    await buildIn(root, { title: 'Acme incident reviews', logo: 'brand/acme.svg', favicon: 'brand/favicon.png' })
    const page = read(root, PAGE)
    expect(page).toContain('<img class="logo" src="/assets/logo.svg"')
    expect(page).toContain('href="https://status.acme.example"')
    expect(page.indexOf('assets/style.css')).toBeLessThan(page.indexOf('assets/theme.css'))
    expect(read(root, 'assets/theme.css')).toContain('#c8102e')
    expect(read(root, 'assets/style.css')).toContain('--accent')
  })
})

describe('the static folder, logo and favicon', () => {
  it('copies the static folder verbatim with sub-folders, keeps CNAME across rebuilds and drops what was removed', async () => {
    const root = repo({
      'static/CNAME': 'postmortems.example.com\n',
      'static/.nojekyll': '',
      'static/robots.txt': 'User-agent: *\nDisallow: /\n',
      'static/.well-known/security.txt': 'Contact: mailto:security@example.com\n',
      'static/img/diagram.png': 'png',
    })
    await buildIn(root)
    expect(read(root, 'CNAME')).toBe('postmortems.example.com\n')
    expect(existsSync(path.join(root, 'site/.nojekyll'))).toBe(true)
    expect(read(root, 'robots.txt')).toBe('User-agent: *\nDisallow: /\n') // replaces the generated one
    expect(read(root, '.well-known/security.txt')).toContain('security@example.com')
    expect(read(root, 'img/diagram.png')).toBe('png')
    writeFileSync(path.join(root, 'postmortems/cache-stampede.md'), POSTMORTEM.replace('emptied', 'was emptied'))
    await buildIn(root)
    expect(read(root, 'CNAME')).toBe('postmortems.example.com\n')
    rmSync(path.join(root, 'static/img'), { recursive: true })
    writeFileSync(path.join(root, 'static/CNAME'), 'incidents.example.com\n')
    await buildIn(root)
    expect(existsSync(path.join(root, 'site/img/diagram.png'))).toBe(false)
    expect(read(root, 'CNAME')).toBe('incidents.example.com\n')
  })

  it('`staticDir` names another folder', async () => {
    const root = repo({ 'public-files/CNAME': 'x.example.com\n' })
    await buildIn(root, { staticDir: 'public-files' })
    expect(read(root, 'CNAME')).toBe('x.example.com\n')
  })

  it('`logo` and `favicon` are copied and linked from every page', async () => {
    const root = repo({ 'brand/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>', 'brand/icon.png': 'png' })
    await buildIn(root, { logo: 'brand/logo.svg', favicon: 'brand/icon.png' })
    expect(read(root, 'assets/logo.svg')).toContain('<svg')
    expect(read(root, 'favicon.png')).toBe('png')
    for (const page of ['index.html', PAGE]) {
      expect(read(root, page)).toContain('<img class="logo" src="/assets/logo.svg"')
      expect(read(root, page)).toContain('<link rel="icon" href="/favicon.png">')
    }
  })

  it('a `logo` URL is linked as is; a missing logo file is a config error naming it', async () => {
    const root = repo()
    await buildIn(root, { logo: 'https://cdn.example.com/logo.svg' })
    expect(read(root, 'index.html')).toContain('src="https://cdn.example.com/logo.svg"')
    await expect(buildIn(root, { logo: 'brand/missing.svg' })).rejects.toThrow(ConfigError)
    await expect(buildIn(root, { logo: 'brand/missing.svg' })).rejects.toThrow(/brand[/\\]missing\.svg/)
  })
})
