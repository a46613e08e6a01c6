import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { createBuilder } from '../src/builder.js'
import { diffManifests, fileStamps, projectsForThisFile, siteManifest } from './build-helpers.js'

const project = projectsForThisFile()

describe('incremental builds', () => {
  it('a warm build after an edit is byte-identical to a cold build of the same content, and writes exactly the files whose bytes changed', async () => {
    const warm = project(3)
    await build(warm.config)
    const before = siteManifest(warm.config.outDir)
    const stampsBefore = fileStamps(warm.config.outDir)
    const edited = warm.files.find((f) => f.includes('database-outage'))!
    appendFileSync(path.join(warm.config.contentDir, edited), '\nOne more paragraph about the replica lag that nobody noticed.\n')
    const result = await build(warm.config)
    const after = siteManifest(warm.config.outDir)

    const cold = project(3)
    appendFileSync(path.join(cold.config.contentDir, edited), '\nOne more paragraph about the replica lag that nobody noticed.\n')
    await build(cold.config)
    expect(after).toEqual(siteManifest(cold.config.outDir))

    const changed = diffManifests(before, after)
    const slug = result.files.find((f) => f.source === edited)!.slug!
    expect(changed).toContain(`${slug}/index.html`)
    expect(changed).toContain(`${slug}/postmortem.json`)
    // Another postmortem's page changes only when it links to the edited one (related incidents).
    const otherPages = changed.filter((p) => result.files.some((f) => f.slug && f.slug !== slug && p === `${f.slug}/index.html`))
    expect(otherPages.every((p) => readFileSync(path.join(warm.config.outDir, p), 'utf8').includes(slug))).toBe(true)
    expect(result.pagesWritten).toBe(changed.length)
    const stampsAfter = fileStamps(warm.config.outDir)
    const rewritten = [...stampsAfter]
      .filter(([p, s]) => stampsBefore.get(p) !== s)
      .map(([p]) => p)
      .sort()
    expect(rewritten).toEqual(changed.filter((p) => after.has(p)))
  })

  it('a warm build with no change writes nothing and leaves the site as it was', async () => {
    const p = project(2)
    await build(p.config)
    const stamps = fileStamps(p.config.outDir)
    const result = await build(p.config)
    expect(result.pagesWritten).toBe(0)
    expect(fileStamps(p.config.outDir)).toEqual(stamps)
    expect(result.files.length).toBe(p.files.length)
  })

  it('a template change re-renders every page that uses it, and the result equals a cold build', async () => {
    const warm = project(2)
    await build(warm.config)
    const layout = path.join(warm.config.templatesDir, 'layout.eta')
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('</body>', '<!-- changed layout --></body>'))
    await build(warm.config)
    const cold = project(2)
    writeFileSync(path.join(cold.config.templatesDir, 'layout.eta'), readFileSync(layout, 'utf8'))
    await build(cold.config)
    expect(siteManifest(warm.config.outDir)).toEqual(siteManifest(cold.config.outDir))
    expect(readFileSync(path.join(warm.config.outDir, 'index.html'), 'utf8')).toContain('<!-- changed layout -->')
  })

  it('deleting a postmortem removes its page and JSON and equals a cold build without it', async () => {
    const warm = project(2)
    const first = await build(warm.config)
    const gone = warm.files[1]!
    const slug = first.files.find((f) => f.source === gone)!.slug!
    rmSync(path.join(warm.config.contentDir, gone))
    await build(warm.config)
    const after = siteManifest(warm.config.outDir)
    expect(after.has(`${slug}/index.html`)).toBe(false)
    expect(after.has(`${slug}/postmortem.json`)).toBe(false)
    const cold = project(2)
    rmSync(path.join(cold.config.contentDir, gone))
    await build(cold.config)
    expect(after).toEqual(siteManifest(cold.config.outDir))
  })
})

describe('updates after a failed build', () => {
  it('a content save after a first build that failed runs a full build rather than failing on missing state', async () => {
    const p = project(1)
    const layout = path.join(p.config.templatesDir, 'layout.eta')
    const good = readFileSync(layout, 'utf8')
    writeFileSync(layout, '<%= it.no.such.thing %>')
    const builder = createBuilder(p.config, { mode: 'dev' })
    await expect(builder.build()).rejects.toThrow()
    writeFileSync(layout, good)
    const file = path.join(p.config.contentDir, p.files[0]!)
    appendFileSync(file, '\nA later save.\n')
    const result = await builder.update([file], { keepLastGood: true })
    expect(result.full).toBe(true)
    expect(readFileSync(path.join(p.config.outDir, 'index.html'), 'utf8')).toContain('<html')
  })
})
