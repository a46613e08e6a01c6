/** Types of bench/chromium-args.mjs: headless Chromium flags shared by the browser tests and the payload measurement. */
export const CHROMIUM_ARGS: string[]
