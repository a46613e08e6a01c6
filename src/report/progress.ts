import type { BuildProgress } from '../build/types.js'

/** A progress reporter for long builds: `update` as work is done, `clear` before the summary is printed. */
export interface ProgressLine {
  update(progress: BuildProgress): void
  clear(): void
}

const WORDS: Record<BuildProgress['phase'], string> = { normalize: 'normalized', write: 'written or kept' }

/** `1,234 of 10,000 files normalized` */
export const progressText = (p: BuildProgress): string => `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} files ${WORDS[p.phase]}`

/**
 * On a terminal, one line rewritten in place (at most ten times a second); elsewhere (CI logs), a line every
 * `intervalMs`, so a long build shows it is alive without flooding the log. Nothing is printed for a build that
 * finishes before the first interval.
 */
export function createProgressLine(write: (text: string) => void, options: { tty: boolean; intervalMs?: number; now?: () => number }): ProgressLine {
  const now = options.now ?? (() => performance.now())
  const interval = options.tty ? 100 : (options.intervalMs ?? 5000)
  let last = now()
  let shown = false
  return {
    update(progress) {
      const at = now()
      if (at - last < interval) return
      last = at
      shown = true
      write(options.tty ? `\r\x1b[K${progressText(progress)}` : `hindsight: ${progressText(progress)}\n`)
    },
    clear() {
      if (options.tty && shown) write('\r\x1b[K')
      shown = false
    },
  }
}
