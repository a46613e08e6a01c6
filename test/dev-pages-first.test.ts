import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { createBuilder } from '../src/builder.js'
import { projectsForThisFile, siteManifest } from './build-helpers.js'

const project = projectsForThisFile()

describe('dev writes the saved postmortem first', () => {
  it('reports the saved page once it is on disk with the new text, before the full pass, and ends equal to a cold build', async () => {
    const dev = project(2)
    const builder = createBuilder(dev.config, { mode: 'dev' })
    await builder.build()
    const edited = dev.files.find((f) => f.includes('login-service'))!
    const slug = builder.documents.get(edited)!.record.slug
    appendFileSync(path.join(dev.config.contentDir, edited), '\nA sentence only the saved page shows: quokka-marker.\n')
    const early: Array<{ paths: string[]; page: string }> = []
    const result = await builder.update([path.join(dev.config.contentDir, edited)], {
      keepLastGood: true,
      onPages: (paths) => early.push({ paths, page: readFileSync(path.join(dev.config.outDir, slug, 'index.html'), 'utf8') }),
    })
    expect(early).toHaveLength(1)
    expect(early[0]!.paths.sort()).toEqual([`${slug}/index.html`, `${slug}/postmortem.json`])
    expect(early[0]!.page).toContain('quokka-marker')
    expect(result.written).toEqual(expect.arrayContaining(early[0]!.paths))

    const cold = project(2)
    appendFileSync(path.join(cold.config.contentDir, edited), '\nA sentence only the saved page shows: quokka-marker.\n')
    await build(cold.config)
    expect(siteManifest(dev.config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })

  it('leaves a save that moves the page (a new `slug:`) to the full pass', async () => {
    const dev = project(1)
    const builder = createBuilder(dev.config, { mode: 'dev' })
    await builder.build()
    const edited = dev.files.find((f) => f.includes('login-service'))!
    const file = path.join(dev.config.contentDir, edited)
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, `---\nslug: moved-by-the-author\n---\n${text}`)
    const early: string[][] = []
    const result = await builder.update([file], { keepLastGood: true, onPages: (paths) => early.push(paths) })
    expect(builder.documents.get(edited)!.record.slug).toBe('moved-by-the-author')
    expect(early).toEqual([])
    expect(result.written).toContain('moved-by-the-author/index.html')
  })

  it('leaves indexes to the next update when another save is queued, and that update brings the site level with a cold build', async () => {
    const dev = project(2)
    const builder = createBuilder(dev.config, { mode: 'dev' })
    await builder.build()
    const [first, second] = dev.files.filter((f) => f.includes('login-service') || f.includes('database-outage'))
    const home = (): string => readFileSync(path.join(dev.config.outDir, 'index.html'), 'utf8')
    const homeBefore = home()
    appendFileSync(path.join(dev.config.contentDir, first!), '\nFirst save: wombat-marker.\n')
    const deferred = await builder.update([path.join(dev.config.contentDir, first!)], { keepLastGood: true, onPages: () => {}, deferIndexes: () => true })
    const slug = builder.documents.get(first!)!.record.slug
    expect(deferred.written.sort()).toEqual([`${slug}/index.html`, `${slug}/postmortem.json`])
    expect(deferred.files.map((f) => f.source)).toEqual([first])
    expect(home()).toBe(homeBefore)

    appendFileSync(path.join(dev.config.contentDir, second!), '\nSecond save.\n')
    await builder.update([path.join(dev.config.contentDir, second!)], { keepLastGood: true, onPages: () => {}, deferIndexes: () => false })
    const cold = project(2)
    appendFileSync(path.join(cold.config.contentDir, first!), '\nFirst save: wombat-marker.\n')
    appendFileSync(path.join(cold.config.contentDir, second!), '\nSecond save.\n')
    await build(cold.config)
    expect(siteManifest(dev.config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })
})
