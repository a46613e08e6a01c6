/**
 * Front-matter keys that blog engines and site generators (Jekyll, Hugo, Docusaurus, mkdocs, Quarto, GitBook,
 * status-page themes) add for their own use, so they are not reported as unknown: named keys, tool prefixes
 * (`disqus_*`, `twitter*`, `og_*`) and compounds of a known word (`linkTitle`, `max_severity`, `enableComments`).
 */

/** Keys of site generators and themes that Hindsight does not read but must not warn about. */
const SITE_KEYS = new Set([
  'project', 'projects', 'linktitle', 'resources', 'redirect_to', 'redirect_from', 'menu', 'menus', 'nav_order',
  'parent', 'grand_parent', 'has_children', 'nav_exclude', 'sidebar_position', 'sidebar_label', 'canonical',
  'canonicalurl', 'canonical_url', 'thumbnail', 'featured', 'header', 'feature', 'meta', 'robots', 'noindex', 'math',
  'mermaid', 'katex', 'mathjax', 'format', 'editor', 'execute', 'jupyter', 'bibliography', 'abstract', 'modified',
  'created', 'last_modified_at', 'date-modified', 'outputs', 'markup', 'uid', 'language', 'locale', 'translationkey',
  'contributors', 'reviewers', 'owner', 'owners', 'version', 'related', 'social', 'sitemap', 'search', 'exclude',
  'order', 'position', 'images', 'banner', 'hero', 'color', 'icon', 'emoji', 'hidden', 'private', 'archived',
  'labels', 'topics', 'audience', 'cssclass', 'classes', 'body_class', 'discussion', 'pinned', 'sticky', 'featured',
  'disqus', 'giscus', 'utterances', 'analytics', 'ads', 'mathjax', 'lightbox', 'gallery', 'video', 'audio',
  'headless', 'build', 'cascade', 'params', 'taxonomies', 'keywords', 'publishdate', 'expirydate', 'reading_time',
  'share', 'show', 'hide', 'toc', 'comments', 'layout', 'permalink', 'excerpt', 'image', 'description', 'weight',
  'draft', 'aliases', 'slug', 'summary', 'author', 'authors', 'categories', 'category', 'tags',
])

/** Words a compound key may be built from (`linkTitle` = link + title, `resolved_on` = resolved + on). */
const WORDS = new Set([
  'title', 'date', 'author', 'authors', 'comments', 'comment', 'image', 'images', 'severity', 'resolved', 'status',
  'summary', 'description', 'excerpt', 'toc', 'tags', 'categories', 'category', 'layout', 'link', 'links', 'permalink',
  'twitter', 'facebook', 'linkedin', 'mastodon', 'github', 'feed', 'rss', 'social', 'share', 'seo', 'og', 'header',
  'footer', 'sidebar', 'nav', 'menu', 'thumbnail', 'cover', 'banner', 'hero', 'featured', 'teaser', 'disqus', 'giscus',
  'incident', 'impact', 'duration', 'start', 'end', 'updated', 'modified', 'published', 'draft', 'weight', 'reading',
  'time', 'slug', 'url', 'path', 'canonical', 'redirect', 'alias', 'aliases', 'lang', 'language', 'component',
  'components', 'service', 'services', 'affected', 'detected', 'mitigated', 'severity', 'priority', 'postmortem',
])

function words(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_.:-]+/).filter(Boolean)
}

/** True for a key a site generator or theme uses, whatever Hindsight does with it. */
export function isSiteKey(key: string): boolean {
  const lower = key.toLowerCase()
  if (SITE_KEYS.has(lower)) return true
  if (/^(?:disqus|giscus|utterances|twitter|og|seo|sitemap|show|hide|enable|disable|nav|sidebar|toc|header|footer|feature|featured|cover|thumbnail|comments?|share|social|meta|hugo|jekyll|docusaurus|mkdocs|quarto)(?:[_:-]|[A-Z]|$)/i.test(key)) return true
  const parts = words(key)
  return parts.length > 1 && parts.some((w) => WORDS.has(w))
}
