import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { packagePath } from '../package-root.js'

const BUNDLED_CLIENT = packagePath('templates', 'assets', 'live-reload.js')

/** The browser client: the project's `templates/assets/live-reload.js` when it has one, else Hindsight's own. */
export async function readClientScript(templatesDir: string): Promise<string> {
  const own = path.join(templatesDir, 'assets', 'live-reload.js')
  return readFile(existsSync(own) ? own : BUNDLED_CLIENT, 'utf8')
}

/** Open server-sent-event connections of the pages being viewed, and a way to notify them all. */
export interface EventHub {
  clients: Set<ServerResponse>
  /** Sends one named event with a JSON payload to every open page. */
  send(event: string, data: unknown): void
  /** Ends every connection (shutdown). */
  close(): void
}

/** Creates the hub; a comment line every `heartbeatMs` keeps proxies and idle timeouts from closing streams. */
export function createEventHub(heartbeatMs = 15_000): EventHub {
  const clients = new Set<ServerResponse>()
  const timer = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n')
  }, heartbeatMs)
  timer.unref()
  return {
    clients,
    send(event, data) {
      const frame = eventFrame(event, data)
      for (const res of clients) res.write(frame)
    },
    close() {
      clearInterval(timer)
      for (const res of clients) res.end()
      clients.clear()
    },
  }
}

/** One server-sent event: its name and its JSON data. */
const eventFrame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

/**
 * Answers `/__hindsight/events`: an event stream that stays open until the page goes away, starting with the current
 * `diagnostics`. On the same stream as every later event, so a page reloaded while a save is still building can never
 * show an older state after a newer one (a separate request for the state could be answered before the build cleared
 * a problem and arrive after the stream said it was cleared, leaving a stale overlay).
 */
export function serveEvents(hub: EventHub, req: IncomingMessage, res: ServerResponse, diagnostics: () => unknown): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write('retry: 1000\n\n')
  res.write(eventFrame('diagnostics', diagnostics()))
  hub.clients.add(res)
  req.on('close', () => hub.clients.delete(res))
}

/** Adds the external live-reload script to an HTML page (external, because the pages' CSP forbids inline script). */
export function injectClient(html: string, src: string): string {
  const tag = `<script src="${src}" defer></script>`
  const at = html.search(/<\/head\s*>/i)
  if (at !== -1) return html.slice(0, at) + tag + html.slice(at)
  const body = html.search(/<\/body\s*>/i)
  return body !== -1 ? html.slice(0, body) + tag + html.slice(body) : html + tag
}
