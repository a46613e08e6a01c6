import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { RULE } from '../constants.js'
import { hasContentExtension, isPostmortemName } from './content-name.js'
import { problem } from '../normalize/diagnostics.js'
import { isImageFile } from '../site/images.js'
import type { Diagnostic } from '../types.js'
import { OutputError } from '../errors.js'
import { fsCause, unreadableDiagnostic } from './unreadable.js'
import { byCodePoint } from '../compare.js'

/** A content file found under the content folder. */
export interface ContentFile {
  /** Path under the content folder, `/`-separated. */
  source: string
  absolutePath: string
}

/** A file that was found but refused before reading (for example a symlink leading outside). */
export interface RefusedFile {
  source: string
  diagnostic: Diagnostic
}

/**
 * Lists content files in a stable (code-point) order, refusing (with a diagnostic) symlinks that resolve outside the
 * folder or nowhere, and the images beside them (`site/images.ts`; never through a link leading outside). Hidden
 * names (`.draft.md`, `.git/`), `node_modules/`, and files that are no postmortem by their name (README.md, templates,
 * `_index.md`: `content-name.ts`) are skipped.
 */
export async function discoverContent(contentDir: string): Promise<{ files: ContentFile[]; refused: RefusedFile[]; images: ContentFile[] }> {
  const root = await realpath(contentDir).catch((error: unknown) => {
    throw new OutputError(`Cannot read the content folder ${contentDir} (${fsCause(error)})`, { cause: error })
  })
  const files: ContentFile[] = []
  const images: ContentFile[] = []
  const refused: RefusedFile[] = []
  /** Content files by their NFC path: a second file whose name differs only in Unicode normalization has no key of its own. */
  const seen = new Map<string, ContentFile>()
  const rawPath = (file: ContentFile): string => path.relative(contentDir, file.absolutePath).split(path.sep).join('/')
  /** Keeps a content file; of names equal once normalized, the one written in NFC (else the first), the other refused under its own spelling. */
  const keep = (file: ContentFile): void => {
    const kept = seen.get(file.source)
    if (!kept) {
      seen.set(file.source, file)
      files.push(file)
      return
    }
    const [winner, loser] = rawPath(file) === file.source ? [file, kept] : [kept, file]
    if (winner !== kept) files[files.indexOf(kept)] = winner
    seen.set(file.source, winner)
    const message = `This file name differs from ${rawPath(winner)} only in how its accents are encoded (Unicode NFC/NFD), so only that one is published; rename one of them`
    refused.push({ source: rawPath(loser), diagnostic: problem('error', message, RULE.fileNameDuplicate) })
  }
  /** Walks `dir`, which is `rel` under the content folder (`/`-separated, `''` for the folder itself). */
  async function walk(dir: string, rel: string): Promise<void> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (dir === contentDir) throw new OutputError(`Cannot read the content folder ${contentDir} (${fsCause(error)})`, { cause: error })
      refused.push({ source: rel.normalize('NFC'), diagnostic: unreadableDiagnostic(error, 'folder') })
      return
    }
    entries.sort((a, b) => byCodePoint(a.name, b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const absolutePath = path.join(dir, entry.name)
      // Built from the folder's path, as `path.relative` would give it, without resolving both paths for each of 10,000 files.
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`
      const source = relPath.normalize('NFC')
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolutePath).catch(() => null)
        if (target === null || !(target === root || target.startsWith(root + path.sep))) {
          const isDirLink =
            target !== null &&
            (await stat(target).then(
              (info) => info.isDirectory(),
              () => false,
            ))
          if (!isDirLink && !hasContentExtension(entry.name)) continue // an outside image or data file is not a postmortem: ignore it
          const reason =
            target === null
              ? 'Symbolic link leads nowhere (or loops); remove it or point it at a file inside the content folder'
              : 'Symbolic link points outside the content folder, so it was refused; copy the file into the content folder instead'
          refused.push({ source, diagnostic: problem('error', reason, RULE.fileSymlink) })
          continue
        }
        const info = await stat(absolutePath)
        isDir = info.isDirectory()
        isFile = info.isFile()
        if (isDir) continue // never follow directory links: they can loop
      }
      if (isDir) await walk(absolutePath, relPath)
      else if (isFile && isPostmortemName(entry.name)) keep({ source, absolutePath })
      else if (isFile && isImageFile(entry.name)) images.push({ source, absolutePath })
    }
  }
  await walk(contentDir, '')
  return { files, refused, images }
}
