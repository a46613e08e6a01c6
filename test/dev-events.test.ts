import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { startDev, type DevSession } from '../src/dev/session.js'

let dir: string
let session: DevSession | undefined

afterAll(async () => {
  await session?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The first named event of the dev server's event stream: what a page that just (re)loaded hears first. */
async function firstEvent(url: URL): Promise<{ event: string; data: unknown }> {
  const controller = new AbortController()
  const response = await fetch(url, { signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error(`the event stream ended before any event: ${JSON.stringify(text)}`)
      text += value
      const frame = text.split('\n\n').find((f) => f.startsWith('event: '))
      if (frame) {
        const [name, data] = frame.split('\n')
        return { event: name!.slice('event: '.length), data: JSON.parse(data!.slice('data: '.length)) }
      }
    }
  } finally {
    controller.abort()
  }
}

it('starts every event stream with the current problems, so a reloaded page never shows an older state after a newer one', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-devevents-'))
  cpSync('content', path.join(dir, 'content'), { recursive: true })
  writeFileSync(path.join(dir, 'content', 'broken.md'), '---\ntitle: "unclosed\n---\n\n# Broken\n')
  session = await startDev({ cwd: dir, port: 0, host: '127.0.0.1', searchDelayMs: 60_000, log: () => {} })
  const first = await firstEvent(new URL('/__hindsight/events', session.url))
  expect(first.event).toBe('diagnostics')
  expect(first.data).toEqual({ problems: [expect.objectContaining({ file: 'content/broken.md' })] })
})
