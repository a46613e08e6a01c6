/** The sanitisation schema every rendered document goes through: GitHub's, tightened. */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'

/** Attributes GitHub's schema allows that only matter for forms or invite DOM clobbering (`name` shadows `document.*`). */
const DROPPED_ATTRIBUTES = new Set(['name', 'action', 'method', 'encType', 'acceptCharset', 'accept'])

/**
 * Sanitisation schema: GitHub's, minus anything that can carry script, load active content, or clobber the
 * page's globals. Raw HTML in Markdown is parsed (rehype-raw) and then filtered by this schema, never passed through.
 * URLs keep only `http`, `https` and `mailto` (links) or `http`, `https` (images) schemes, or no scheme at all;
 * `<picture>`/`<source>` go because `srcset` escapes the scheme check.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'name'),
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'picture' && tag !== 'source'),
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => tag !== 'source')),
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => !DROPPED_ATTRIBUTES.has(typeof attribute === 'string' ? attribute : attribute[0])),
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'select'],
}
