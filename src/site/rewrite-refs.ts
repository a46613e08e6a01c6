import { isRelativeUrl } from '../normalize/structure/local-refs.js'
import { url } from './paths.js'
import { markdownTarget } from './references.js'
import { escapeAttribute } from '../escape-html.js'

/** What rewriting a page's references needs: the site's base path, the postmortem's source and the archive's slugs by source. */
export interface RewriteContext {
  base: string
  source: string
  slugOf: (source: string) => string | undefined
}

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi
const NAMED = new Map([
  ['amp', '&'],
  ['quot', '"'],
  ['lt', '<'],
  ['gt', '>'],
  ['apos', "'"],
])
const unescape = (value: string): string =>
  value.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
    name ? NAMED.get(name.toLowerCase())! : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10)),
  )

/**
 * Makes a rendered postmortem's references work on the site: a relative link to a published postmortem's Markdown
 * file points at its page (keeping the `#anchor`), and a root-relative image (`/img/x.png`) gets the base path.
 */
export function rewriteReferences(html: string, context: RewriteContext): string {
  if (!html.includes('.md') && !html.includes('.markdown') && !html.includes('src="/')) return html
  return html.replace(/<(a|img)\b[^>]*>/g, (tag, name: string) => {
    const attr = name === 'a' ? 'href' : 'src'
    return tag.replace(new RegExp(`(\\s${attr}=")([^"]*)"`), (whole, lead: string, value: string) => {
      const target = unescape(value)
      if (name === 'img') return /^\/(?!\/)/.test(target) && context.base !== '/' ? `${lead}${escapeAttribute(url(context.base, target))}"` : whole
      if (!isRelativeUrl(target)) return whole
      const linked = markdownTarget(context.source, target)
      const slug = linked ? context.slugOf(linked.source) : undefined
      return slug === undefined ? whole : `${lead}${escapeAttribute(url(context.base, `${slug}/`) + linked!.hash)}"`
    })
  })
}
