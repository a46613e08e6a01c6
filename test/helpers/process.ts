import http from 'node:http'

/** Runs `run` and returns its result with the process warnings emitted meanwhile (as `name: message`). */
export async function warningsDuring<T>(run: () => Promise<T>): Promise<[T, string[]]> {
  const warnings: string[] = []
  const listen = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`)
  process.on('warning', listen)
  try {
    const result = await run()
    await new Promise((resolve) => setImmediate(resolve))
    return [result, warnings]
  } finally {
    process.off('warning', listen)
  }
}

/** One HTTP GET against a local server: status and body as text. */
export function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}
