import http from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevServer, hostAllowed, LOOPBACK_HOSTS, safePathname } from '../src/dev/server.js'
import { createEventHub, injectClient } from '../src/dev/live-reload.js'

let dir: string
let server: http.Server
let port: number
const hub = createEventHub()

/** Sends a request with the path exactly as given (no normalisation by a client library). */
function raw(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-devserver-'))
  const root = path.join(dir, 'site')
  mkdirSync(path.join(root, 'post'), { recursive: true })
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET')
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><title>Home</title></head><body>home</body></html>')
  writeFileSync(path.join(root, 'post/index.html'), '<!doctype html><html><head></head><body>post</body></html>')
  writeFileSync(path.join(root, 'assets/style.css'), 'body{}')
  server = createDevServer({
    root,
    base: '/archive/',
    hub,
    diagnostics: () => ({
      problems: [{ file: 'content/a.md', diagnostics: [{ severity: 'error', message: 'Bad', line: 1, column: 1, ruleId: 'front-matter-invalid' }] }],
    }),
    clientScript: async () => '/* client */',
    allowedHosts: LOOPBACK_HOSTS,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  hub.close()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

describe('dev server path safety', () => {
  it.each([
    '/../secret.txt',
    '/archive/../../secret.txt',
    '/archive/%2e%2e/%2e%2e/secret.txt',
    '/archive/%2E%2E/%2E%2E/secret.txt',
    '/archive/..%2f..%2fsecret.txt',
    '/archive/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/archive/..%5c..%5csecret.txt',
    '/archive/..\\..\\secret.txt',
    '/archive/.%2e/.%2e/secret.txt',
    '/archive/%252e%252e/%252e%252e/secret.txt',
    '/archive//../../secret.txt',
    '/__hindsight/../../secret.txt',
    '/archive/%00',
    '/archive/%e0%a4%a',
  ])('answers 404 to %s', async (pathname) => {
    const res = await raw(pathname)
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('TOP-SECRET')
  })

  it('rejects traversal before decoding and after', () => {
    expect(safePathname('/a/b/')).toBe('/a/b/')
    expect(safePathname('/a%20b/')).toBe('/a b/')
    expect(safePathname('/a/%2e%2e/')).toBeNull()
    expect(safePathname('/a%2Fb')).toBeNull()
    expect(safePathname('/./a')).toBeNull()
  })
})

describe('dev server', () => {
  it('serves HTML under the base path with the external live-reload script injected', async () => {
    const home = await raw('/archive/')
    expect(home.status).toBe(200)
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(home.body).toBe(
      '<!doctype html><html><head><title>Home</title><script src="/__hindsight/live-reload.js" defer></script></head><body>home</body></html>',
    )
    expect((await raw('/archive/post')).body).toContain('post')
    expect((await raw('/archive/post/index.html')).body).toContain('/__hindsight/live-reload.js')
  })

  it('serves other files through sirv without touching them', async () => {
    const css = await raw('/archive/assets/style.css')
    expect(css.status).toBe(200)
    expect(css.body).toBe('body{}')
    const missing = await raw('/archive/missing/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('<a href="/archive/">Back to the archive</a>')
    expect(missing.body).toContain('<script src="/__hindsight/live-reload.js" defer></script>')
    expect((await raw('/archive/assets/nope.css')).status).toBe(404)
  })

  it('serves a file without an extension (a static CNAME) as a file, and a missing one as a missing page', async () => {
    writeFileSync(path.join(dir, 'site', 'CNAME'), 'postmortems.example.com\n')
    const cname = await raw('/archive/CNAME')
    expect(cname.status).toBe(200)
    expect(cname.body).toBe('postmortems.example.com\n')
    const none = await raw('/archive/LICENSE')
    expect(none.status).toBe(404)
    expect(none.body).toContain('Back to the archive')
  })

  it('redirects the root to the base path and answers 404 outside it', async () => {
    const root = await raw('/')
    expect(root.status).toBe(302)
    expect(root.headers.location).toBe('/archive/')
    expect((await raw('/elsewhere/')).status).toBe(404)
  })

  it('answers the diagnostics, the client script and the overlay styles', async () => {
    const diagnostics = await raw('/__hindsight/diagnostics')
    expect(diagnostics.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(diagnostics.body)).toEqual({ problems: [expect.objectContaining({ file: 'content/a.md' })] })
    expect((await raw('/__hindsight/live-reload.js')).body).toBe('/* client */')
    expect((await raw('/__hindsight/overlay.css')).body).toContain('.hindsight-overlay')
    expect((await raw('/__hindsight/other')).status).toBe(404)
  })

  it('streams named events to every open page', async () => {
    const frames = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/__hindsight/events' }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
          if (text.includes('retry:') && hub.clients.size > 0 && !text.includes('event:')) hub.send('reload', { written: ['a/index.html'] })
          if (text.includes('event: reload')) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.on('error', reject)
    })
    expect(frames).toContain('event: reload\ndata: {"written":["a/index.html"]}\n\n')
  })
})

describe('DNS rebinding guard', () => {
  it('answers 403 when the Host header names another host', async () => {
    const res = await raw('/archive/', { host: 'evil.example:8080' })
    expect(res.status).toBe(403)
    expect(res.body).not.toContain('home')
    expect((await raw('/archive/', { host: `localhost:${port}` })).status).toBe(200)
  })

  it('accepts loopback names on any port, and anything when no list is given', () => {
    expect(hostAllowed('127.0.0.1:4000', LOOPBACK_HOSTS)).toBe(true)
    expect(hostAllowed('[::1]:4000', LOOPBACK_HOSTS)).toBe(true)
    expect(hostAllowed('LOCALHOST', LOOPBACK_HOSTS)).toBe(true)
    expect(hostAllowed('127.0.0.1.evil.example', LOOPBACK_HOSTS)).toBe(false)
    expect(hostAllowed(undefined, LOOPBACK_HOSTS)).toBe(false)
    expect(hostAllowed('anything', null)).toBe(true)
  })
})

describe('injectClient', () => {
  it('puts the script before </head>, else before </body>, else at the end', () => {
    expect(injectClient('<head></HEAD><body></body>', '/x.js')).toBe('<head><script src="/x.js" defer></script></HEAD><body></body>')
    expect(injectClient('<body></body>', '/x.js')).toBe('<body><script src="/x.js" defer></script></body>')
    expect(injectClient('text', '/x.js')).toBe('text<script src="/x.js" defer></script>')
  })
})
