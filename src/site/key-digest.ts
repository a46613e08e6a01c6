import { hashParts } from '../cache/hash.js'

/**
 * A planned file's key as a fixed-size digest of what it names, taken as the plan is made: a list page's key names its
 * entries' listing keys and a postmortem page's its related postmortems', so keys kept as text cost O(entries) bytes
 * each, about 2 kB a postmortem held through the emit phase (bench/README.md); a digest is 32 characters whatever it names.
 */
export const keyDigest = (text: string): string => hashParts(text)

/** The key of `postmortems.json`: the published documents' output keys in archive order (the edited-only pass makes the same). */
export const exportKey = (keys: string[]): string => keyDigest(keys.join(' '))
