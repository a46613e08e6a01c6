/** Options of `until`: how often and how long to poll, and what to say (or stop on) while waiting. */
export interface UntilOptions {
  /** Probes at most this many times (default 200). */
  tries?: number
  /** Milliseconds between probes (default 100). */
  everyMs?: number
  /** Appended to the timeout error, such as the output of the process waited on. */
  context?: () => string
  /** Checked before each probe: a reason to give up at once (the process died), or null to keep waiting. */
  abort?: () => string | null
}

/** Polls `probe` until it returns a value (not undefined), with a bounded number of tries; the shared helper of the dev tests. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, options: UntilOptions = {}): Promise<T> {
  const { tries = 200, everyMs = 100, context = () => '', abort = () => null } = options
  for (let i = 0; i < tries; i++) {
    const reason = abort()
    if (reason !== null) throw new Error(`${reason} while waiting for ${what}:\n${context()}`)
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  throw new Error(`Timed out waiting for ${what}. ${context()}`)
}
