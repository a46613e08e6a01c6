/**
 * The output folders a writer knows exist, the most recently used few thousand only: a site of 100,000 postmortems has
 * about 455,000 folders, and remembering each (its path, and in the write queue a settled promise) held tens of MB
 * through the emit phase. Files are written in plan order, so a folder's files come together and a forgotten folder
 * costs one more `mkdir` of a folder that exists.
 */

/** Folders remembered at most; the least recently used is forgotten first. */
export const MADE_FOLDERS_MAX = 4096

/** A bounded set of folders known to exist. */
export interface MadeFolders {
  /** Whether `dir` is known to exist (and marks it recently used). */
  has(dir: string): boolean
  /** Remembers that `dir` exists, forgetting the least recently used folder past the bound. */
  add(dir: string): void
  /** Folders remembered now (at most `MADE_FOLDERS_MAX`). */
  readonly size: number
}

/** Remembers `known` (folders that exist already) and what is added later, at most `limit` of them. */
export function madeFolders(known: Iterable<string> = [], limit = MADE_FOLDERS_MAX): MadeFolders {
  const folders = new Set<string>()
  const add = (dir: string): void => {
    folders.delete(dir)
    folders.add(dir)
    if (folders.size > limit) folders.delete(folders.values().next().value!)
  }
  for (const dir of known) add(dir)
  return {
    has(dir) {
      if (!folders.has(dir)) return false
      add(dir)
      return true
    },
    add,
    get size() {
      return folders.size
    },
  }
}
