import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import sirv from 'sirv'
import { OVERLAY_CSS, type DiagnosticsPayload } from './overlay.js'
import { injectClient, serveEvents, type EventHub } from './live-reload.js'

/** Prefix of the dev server's own endpoints; never part of a built site. */
export const DEV_PREFIX = '/__hindsight/'

/** What the dev server needs: the folder it serves, the base path, and where the live state comes from. */
export interface DevServerOptions {
  root: string
  base: string
  hub: EventHub
  diagnostics: () => DiagnosticsPayload
  /** Source of `live-reload.js`, read on every request so template edits apply. */
  clientScript: () => Promise<string>
  /** Host names the `Host` header may carry (guards a loopback server against DNS rebinding); `null` allows any. */
  allowedHosts?: string[] | null
}

/** Host names of a server bound to loopback. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/** Whether a `Host` header names one of the allowed hosts (any port). */
export function hostAllowed(header: string | undefined, allowed: string[] | null | undefined): boolean {
  if (!allowed) return true
  try {
    return allowed.includes(new URL(`http://${header ?? ''}`).hostname.toLowerCase())
  } catch {
    return false
  }
}

/**
 * Decodes a request path, or returns `null` for anything that could climb out of the served folder:
 * `..` or `.` segments (plain or percent-encoded), encoded slashes or backslashes, NUL, malformed escapes.
 */
export function safePathname(rawUrl: string): string | null {
  const raw = rawUrl.split(/[?#]/, 1)[0] ?? ''
  if (!raw.startsWith('/') || /%(2f|5c|00)|\\/i.test(raw)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  return decoded.split('/').some((segment) => segment === '..' || segment === '.') ? null : decoded
}

const notFound = (res: ServerResponse): void => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end('Not found\n')
}

/** A 404 page for a missing postmortem (deleted or renamed): it keeps listening, so it reloads once the page is back. */
function missingPage(res: ServerResponse, base: string, client: string): void {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(
    injectClient(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1><p>No page here (yet). <a href="${base.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">Back to the archive</a></p></body></html>`,
      client,
    ),
  )
}

async function htmlFile(root: string, rel: string): Promise<string | null> {
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : rel.endsWith('.html') ? [rel] : path.extname(rel) ? [] : [`${rel}/index.html`]
  for (const candidate of candidates) {
    const file = path.resolve(root, candidate)
    if (!file.startsWith(root + path.sep)) return null
    const info = await stat(file).catch(() => null)
    if (info?.isFile()) return file
  }
  return null
}

/** Whether `rel` names a file inside the site folder. */
async function isSiteFile(root: string, rel: string): Promise<boolean> {
  const file = path.resolve(root, rel)
  return file.startsWith(root + path.sep) && (await stat(file).catch(() => null))?.isFile() === true
}

/** Creates the dev HTTP server: the built site (through sirv) with the live-reload client injected into HTML. */
export function createDevServer(options: DevServerOptions): Server {
  const root = path.resolve(options.root)
  const assets = sirv(root, { dev: true, etag: true, dotfiles: false, onNoMatch: (_req, res) => notFound(res) })
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, options.allowedHosts)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      return void res.end('Host not allowed; start dev with --host to serve other names\n')
    }
    const pathname = safePathname(req.url ?? '/')
    if (pathname === null || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res)
    if (pathname.startsWith(DEV_PREFIX)) {
      const name = pathname.slice(DEV_PREFIX.length)
      const send = (type: string, body: string): void => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
        res.end(body)
      }
      if (name === 'events') return serveEvents(options.hub, req, res, options.diagnostics)
      if (name === 'diagnostics') return send('application/json; charset=utf-8', JSON.stringify(options.diagnostics()))
      if (name === 'live-reload.js') return send('text/javascript; charset=utf-8', await options.clientScript())
      if (name === 'overlay.css') return send('text/css; charset=utf-8', OVERLAY_CSS)
      return notFound(res)
    }
    if (!pathname.startsWith(options.base)) {
      if (pathname === '/' || pathname === options.base.slice(0, -1)) {
        res.writeHead(302, { location: options.base })
        return void res.end()
      }
      return notFound(res)
    }
    const rel = pathname.slice(options.base.length)
    const html = await htmlFile(root, rel)
    if (html !== null) {
      const body = injectClient(await readFile(html, 'utf8'), `${DEV_PREFIX}live-reload.js`)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      return void res.end(req.method === 'HEAD' ? undefined : body)
    }
    // A name without an extension is a page, unless the site holds such a file (a static CNAME, LICENSE).
    if (rel === '' || rel.endsWith('/') || (!path.extname(rel) && !(await isSiteFile(root, rel))))
      return missingPage(res, options.base, `${DEV_PREFIX}live-reload.js`)
    req.url = `/${rel.split('/').map(encodeURIComponent).join('/')}`
    assets(req, res)
  }
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`Internal error: ${(error as Error).message}\n`)
    })
  })
}
