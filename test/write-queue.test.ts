import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OutputError } from '../src/errors.js'
import { createWriteQueue } from '../src/site/write-queue.js'
import { madeFolders } from '../src/site/made-folders.js'
import { openSiteWriter, openStagedSite } from '../src/site/write.js'

const roots: string[] = []
const temp = (): string => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-queue-'))
  roots.push(root)
  return root
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('write queue (output files written off the main thread)', () => {
  it('writes every queued file into folders it makes once, and drain waits for all', async () => {
    const root = temp()
    const queue = createWriteQueue(madeFolders([root]))
    for (let i = 0; i < 300; i++) {
      queue.add(path.join(root, `p${i % 7}`, `f${i}`, 'index.html'), Buffer.from(`page ${i}`), `p${i % 7}/f${i}/index.html`)
      const room = queue.room()
      if (room) await room
    }
    await queue.drain()
    expect(readdirSync(root).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'])
    for (let i = 0; i < 300; i++) expect(readFileSync(path.join(root, `p${i % 7}`, `f${i}`, 'index.html'), 'utf8')).toBe(`page ${i}`)
  })

  it('remembers a bounded number of folders, and writes again into one it forgot', async () => {
    const root = temp()
    const folders = madeFolders([root], 64)
    const queue = createWriteQueue(folders)
    const count = 300
    for (let i = 0; i < count; i++) {
      queue.add(path.join(root, `f${i}`, 'index.html'), Buffer.from(`page ${i}`), `f${i}/index.html`)
      const room = queue.room()
      if (room) await room
    }
    // The first folders are forgotten by now; writing into one again makes it once more (it exists) and succeeds.
    queue.add(path.join(root, 'f0', 'again.html'), Buffer.from('again'), 'f0/again.html')
    await queue.drain()
    expect(folders.size).toBeLessThanOrEqual(64)
    expect(folders.has(path.join(root, 'f0'))).toBe(true)
    expect(readdirSync(root).length).toBe(count)
    expect(readFileSync(path.join(root, 'f0', 'again.html'), 'utf8')).toBe('again')
    expect(readFileSync(path.join(root, `f${count - 1}`, 'index.html'), 'utf8')).toBe(`page ${count - 1}`)
  })

  it('the folder memory forgets the least recently used folder first', () => {
    const folders = madeFolders(['a', 'b', 'c'], 3)
    expect(folders.has('a')).toBe(true)
    folders.add('d')
    expect([folders.has('b'), folders.has('a'), folders.has('c'), folders.has('d'), folders.size]).toEqual([false, true, true, true, 3])
  })

  it('asks the caller to wait once many writes or many bytes are pending, and never before', async () => {
    const root = temp()
    const queue = createWriteQueue(madeFolders([root]))
    queue.add(path.join(root, 'a.html'), Buffer.from('a'), 'a.html')
    expect(queue.room()).toBeNull()
    queue.add(path.join(root, 'big.bin'), Buffer.alloc(17 * 2 ** 20), 'big.bin')
    const room = queue.room()
    expect(room).toBeInstanceOf(Promise)
    await room
    await queue.drain()
    expect(readFileSync(path.join(root, 'big.bin')).byteLength).toBe(17 * 2 ** 20)
  })

  it('a failed write is an OutputError naming the file, thrown by the next call', async () => {
    const root = temp()
    writeFileSync(path.join(root, 'taken'), 'a file where a folder should be')
    const queue = createWriteQueue(madeFolders([root]))
    queue.add(path.join(root, 'taken', 'index.html'), Buffer.from('x'), 'taken/index.html')
    const drained = queue.drain()
    await expect(drained).rejects.toThrow(OutputError)
    await expect(drained).rejects.toThrow(/Cannot write taken\/index\.html/)
    expect(() => queue.add(path.join(root, 'b.html'), Buffer.from('b'), 'b.html')).toThrow(OutputError)
  })

  it('close starts nothing more: once it settles no queued file appears', async () => {
    const root = temp()
    const queue = createWriteQueue(madeFolders([root]))
    for (let i = 0; i < 200; i++) queue.add(path.join(root, `d${i}`, 'index.html'), Buffer.from('x'), `d${i}/index.html`)
    await queue.close()
    const after = readdirSync(root).length
    expect(after).toBeLessThan(200)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readdirSync(root).length).toBe(after)
  })

  it('an aborted staged site leaves no staging folder behind, even with writes in flight', async () => {
    const root = temp()
    const writer = openStagedSite(path.join(root, 'site'))
    for (let i = 0; i < 100; i++) writer.write(`p${i}/index.html`, `<p>${i}</p>`)
    await writer.abort()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readdirSync(root)).toEqual([])
  })

  it('a committed staged site holds every file written, streamed or not', async () => {
    const root = temp()
    const site = path.join(root, 'site')
    const writer = openStagedSite(site)
    for (let i = 0; i < 50; i++) writer.write(`p${i}/index.html`, `<p>${i}</p>`)
    writer.write('export.json', [Buffer.from('['), Buffer.from(']')])
    await writer.commit()
    expect(readFileSync(path.join(site, 'p49', 'index.html'), 'utf8')).toBe('<p>49</p>')
    expect(readFileSync(path.join(site, 'export.json'), 'utf8')).toBe('[]')
    expect(existsSync(path.join(site, 'p0', 'index.html'))).toBe(true)
  })

  it('a staged site names where another thread may write a file itself, and commits it with the rest', async () => {
    const root = temp()
    const site = path.join(root, 'site')
    const writer = openStagedSite(site)
    const target = writer.direct('slug/index.html')!
    expect(path.dirname(path.dirname(target))).toBe(path.join(root, `.site-staging-${process.pid}`))
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, '<p>by a thread</p>')
    expect(() => writer.direct('../outside.html')).toThrow(OutputError)
    await writer.commit()
    expect(readFileSync(path.join(site, 'slug', 'index.html'), 'utf8')).toBe('<p>by a thread</p>')
  })

  it("a small change's writer takes the bytes itself (no direct path) until it turns into a staged site", async () => {
    const root = temp()
    const site = path.join(root, 'site')
    mkdirSync(site)
    const writer = openSiteWriter(site, { incremental: true })
    expect(writer.direct('a/index.html')).toBeNull()
    for (let i = 0; i <= 400; i++) writer.write(`p${i}/index.html`, `<p>${i}</p>`)
    expect(writer.direct('a/index.html')).toBe(path.join(root, `.site-staging-${process.pid}`, 'a', 'index.html'))
    await writer.abort()
  })
})
