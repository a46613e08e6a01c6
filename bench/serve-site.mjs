// A static server for a built site under a URL prefix (sirv on node:http, 127.0.0.1, a free port): the browser tests
// and the search payload measurement serve sites the same way.
import { createServer } from 'node:http'

/** Serves `dir` under `prefix` (for example `/archive/`); anything outside the prefix is a 404. */
export async function serveSite(dir, prefix = '/') {
  const { default: sirv } = await import('sirv')
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`
  const serve = sirv(dir, { dev: true, dotfiles: false })
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404
      res.setHeader('content-type', 'text/plain')
      res.end('Not found')
    }
    const raw = req.url ?? '/'
    if (!raw.startsWith(base) && raw !== base.slice(0, -1)) return notFound()
    req.url = '/' + raw.slice(base.length)
    serve(req, res, notFound)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${server.address().port}`
  return {
    origin,
    url: (rel = '') => origin + base + rel.replace(/^\/+/, ''),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
