/**
 * The one string order of the project: by UTF-16 code unit, as `<` compares, never by locale. Every listing and file
 * order that must be the same on every machine (the determinism test) sorts with it.
 */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
