// Command-line flags for headless Debian Chromium, shared by the browser tests and the search payload measurement.

/** Headless, no sandbox (containers), no GPU, and none of Chromium's own background traffic (updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]
