/** Types of bench/serve-site.mjs: a built site served under a URL prefix (browser tests and the payload measurement). */

/** A running static server. */
export interface ServedSite {
  origin: string
  /** Full URL of a site-relative path under the prefix. */
  url: (rel?: string) => string
  close: () => Promise<void>
}

/** Serves `dir` on 127.0.0.1 (a free port) under `prefix`, with sirv as the real static server. */
export function serveSite(dir: string, prefix?: string): Promise<ServedSite>
