import { readdirSync } from 'node:fs'
import path from 'node:path'

/** Every regular file under `dir` (sub-folders too, symbolic links not followed), with its slash-separated path under it; none when `dir` cannot be read. */
export function filesUnder(dir: string): Array<{ rel: string; file: string }> {
  const out: Array<{ rel: string; file: string }> = []
  const walk = (at: string, prefix: string): void => {
    let entries
    try {
      entries = readdirSync(at, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) walk(full, rel)
      else if (entry.isFile()) out.push({ rel, file: full })
    }
  }
  walk(dir, '')
  return out
}
