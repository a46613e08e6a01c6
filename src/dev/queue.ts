/** A queue that never runs two builds at once: paths arriving during a build are coalesced into one follow-up build. */
export interface BuildQueue {
  /** Adds changed paths; starts a build now when idle, else after the running one. */
  push(paths: Iterable<string>): void
  /** Paths waiting for the next build. */
  pending(): string[]
  /** Resolves once no build is running and nothing is pending. */
  idle(): Promise<void>
  /** Stops accepting paths; pending ones are dropped, the running build is awaited. */
  close(): Promise<void>
}

/** Creates a queue around `run`, which receives every path pushed since the previous run started. */
export function createBuildQueue(run: (paths: string[]) => Promise<void>, onError: (error: unknown) => void = () => {}): BuildQueue {
  let pending = new Set<string>()
  let running: Promise<void> | null = null
  let closed = false
  const waiters: Array<() => void> = []

  const drain = async (): Promise<void> => {
    while (pending.size > 0 && !closed) {
      const batch = [...pending]
      pending = new Set()
      try {
        await run(batch)
      } catch (error) {
        onError(error)
      }
    }
    running = null
    for (const resolve of waiters.splice(0)) resolve()
  }

  return {
    push(paths) {
      if (closed) return
      for (const p of paths) pending.add(p)
      if (running === null && pending.size > 0) running = drain()
    },
    pending() {
      return [...pending]
    },
    idle() {
      return running === null ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))
    },
    async close() {
      closed = true
      pending.clear()
      await this.idle()
    },
  }
}
