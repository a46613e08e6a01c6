/**
 * The staged writer writes files on libuv's threads while the builder renders the next ones. These tests hold it
 * to what the synchronous writer guaranteed: every file is on disk before the swap, a failed write fails the commit
 * and leaves the live site alone, and a bounded number of files is in flight.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStagedSite } from '../src/site/write.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-writer-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const liveSite = (name: string): string => {
  const outDir = path.join(root, name)
  mkdirSync(outDir)
  writeFileSync(path.join(outDir, 'index.html'), 'old site')
  return outDir
}

describe('staged site writer', () => {
  it('has every file on disk when the new site is swapped in, with no more than a bounded number in flight', async () => {
    const outDir = liveSite('many')
    const writer = openStagedSite(outDir)
    let waits = 0
    for (let i = 0; i < 1000; i++) {
      writer.write(`p${i}/index.html`, `page ${i}`)
      writer.write(`p${i}/postmortem.json`, new TextEncoder().encode(`{"n":${i}}`))
      const ready = writer.ready()
      if (ready) {
        waits++
        await ready
      }
    }
    writer.write('postmortems.json', ['[', '1', ']'].map((t) => new TextEncoder().encode(t)))
    await writer.commit()
    expect(waits).toBeGreaterThan(0)
    expect(readdirSync(outDir).length).toBe(1001)
    expect(readFileSync(path.join(outDir, 'p999', 'index.html'), 'utf8')).toBe('page 999')
    expect(readFileSync(path.join(outDir, 'p0', 'postmortem.json'), 'utf8')).toBe('{"n":0}')
    expect(readFileSync(path.join(outDir, 'postmortems.json'), 'utf8')).toBe('[1]')
  })

  it('fails the commit when a write fails, and leaves the live site as it was', async () => {
    const outDir = liveSite('failing')
    const writer = openStagedSite(outDir)
    writer.write('taken', 'a file where a folder is needed next')
    await new Promise((resolve) => setTimeout(resolve, 50))
    writer.write('taken/index.html', 'cannot be written')
    await expect(writer.commit()).rejects.toThrow(/Cannot write the site/)
    writer.abort()
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('old site')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readdirSync(root).filter((name) => name.startsWith('.failing-staging'))).toEqual([])
    expect(existsSync(path.join(outDir, 'taken'))).toBe(false)
  })
})
