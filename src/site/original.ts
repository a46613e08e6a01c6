import { textOfHtml } from '../escape-html.js'

/**
 * Prepares the original document's sanitised HTML (rehype-stringify output, so tags and attributes have a fixed,
 * escaped form) for its place on the postmortem page, fixing what authors' Markdown leaves inaccessible:
 * headings move under the page's own (the document's top level becomes `h3`, no level is skipped) and get a visible
 * `#` permalink; code blocks and tables (which scroll inside their box on phones) become focusable; task-list checkboxes get a name; images without `alt` get
 * one from their file name (an image link would otherwise have no name at all).
 */
export function prepareOriginal(html: string): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
  const top = levels.length ? Math.min(...levels) : 1
  let previous = 2
  return html
    .replace(/<h([1-6])((?:\s[^>]*)?)>([\s\S]*?)<\/h\1>/g, (_, level: string, attributes: string, inner: string) => {
      const to = Math.min(6, Number(level) - top + 3, previous + 1)
      previous = to
      const id = /\sid="([^"]*)"/.exec(attributes)?.[1]
      const anchor = id ? ` <a class="anchor" href="#${id}" aria-label="Permalink to this section">#</a>` : ''
      return `<h${to}${attributes}>${inner}${anchor}</h${to}>`
    })
    .replace(/<(pre|table)>/g, '<$1 tabindex="0">')
    .replace(
      /<input type="checkbox"([^>]*)>/g,
      (_, rest: string) => `<input type="checkbox"${rest} aria-label="${/\schecked/.test(rest) ? 'Done' : 'Not done'}">`,
    )
    .replace(/<img((?:\s[^>]*)?)>/g, (tag: string, attributes: string) => {
      if (/\salt="/.test(attributes)) return tag
      const name = /\ssrc="[^"]*?([^/"?#]+)(?:[?#][^"]*)?"/.exec(attributes)?.[1] ?? ''
      return `<img${attributes} alt="Image${name ? `: ${name}` : ''}">`
    })
}

/** What the page already shows in structured form, so the original text need not repeat it. */
export interface ShownElsewhere {
  /** The page title: a first heading with exactly this text is dropped. */
  title: string | null
  /** Ids of headings whose sections (up to the next heading of the same or a higher level) are dropped. */
  sectionIds: string[]
}

const textOf = (inner: string): string => textOfHtml(inner).replace(/\s+/g, ' ').trim()

/**
 * Drops from the original's HTML (rehype-stringify output) the title heading when it opens the document, and the
 * sections the page shows in structured form (the timeline), so nothing appears twice on the page.
 */
export function omitShown(html: string, shown: ShownElsewhere): string {
  const headings = [...html.matchAll(/<h([1-6])((?:\s[^>]*)?)>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    level: Number(m[1]),
    id: /\sid="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? null,
    text: textOf(m[3] ?? ''),
  }))
  const cuts: Array<{ start: number; end: number }> = []
  const first = headings[0]
  if (first && shown.title !== null && first.text === shown.title.replace(/\s+/g, ' ').trim()) cuts.push({ start: first.start, end: first.end })
  const ids = new Set(shown.sectionIds)
  headings.forEach((heading, i) => {
    if (heading.id === null || !ids.has(heading.id)) return
    const next = headings.slice(i + 1).find((h) => h.level <= heading.level)
    cuts.push({ start: heading.start, end: next?.start ?? html.length })
  })
  let out = ''
  let at = 0
  for (const cut of cuts.sort((a, b) => a.start - b.start)) {
    if (cut.start < at) continue
    out += html.slice(at, cut.start)
    at = cut.end
  }
  return out + html.slice(at)
}
