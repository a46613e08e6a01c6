import path from 'node:path'
import { PAGE_FILES } from './paths.js'

/**
 * Image formats copied from content/ beside the page that shows them. SVG is left out: opened on its own, an SVG
 * runs its scripts on the archive's origin, and content is untrusted.
 */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']

export const isImageFile = (name: string): boolean => IMAGE_EXTENSIONS.includes(path.extname(name).toLowerCase())

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|lt|gt));/gi
const NAMED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>' }
const unescape = (value: string): string =>
  value.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
    name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10)),
  )

/**
 * The images a rendered postmortem shows from beside its source file: each `<img src>` that is a relative path (no
 * scheme, host or leading slash) to an image format, decoded and normalised, in first-use order. A path that would
 * leave the postmortem's folder (`../`) is not one: the page lives at `<slug>/`, so it could only be copied above it; nor
 * is one under a name the page's own files take (`index.html/a.png`).
 */
export function localImages(html: string): string[] {
  return imagesOf(html).images
}

/** The local images of `localImages`, and the relative image paths left out (`refused`, as written), which a page would show broken. */
export function imagesOf(html: string): { images: string[]; refused: string[] } {
  const found = new Set<string>()
  const refused = new Set<string>()
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)) {
    const src = unescape(match[1]!).replace(/[?#].*$/s, '')
    if (src === '' || /^[a-z][a-z\d+.-]*:/i.test(src) || /^[/\\]/.test(src) || src.includes('\\')) continue
    let decoded: string
    try {
      decoded = decodeURIComponent(src)
    } catch {
      continue
    }
    const rel = path.posix.normalize(decoded)
    if (rel.includes('\0') || !isImageFile(rel)) continue
    if (rel === '..' || rel.startsWith('../') || rel.startsWith('/') || PAGE_FILES.includes(rel.split('/')[0]!)) refused.add(decoded)
    else found.add(rel)
  }
  return { images: [...found], refused: [...refused] }
}

/** Where a postmortem's image lies under content/: beside its source file (`team/x.md` and `a/b.png` give `team/a/b.png`). */
export const imageSource = (source: string, rel: string): string => path.posix.join(path.posix.dirname(source), rel)
