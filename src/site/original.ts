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
    .replace(/<input type="checkbox"([^>]*)>/g, (_, rest: string) => `<input type="checkbox"${rest} aria-label="${/\schecked/.test(rest) ? 'Done' : 'Not done'}">`)
    .replace(/<img((?:\s[^>]*)?)>/g, (tag: string, attributes: string) => {
      if (/\salt="/.test(attributes)) return tag
      const name = /\ssrc="[^"]*?([^/"?#]+)(?:[?#][^"]*)?"/.exec(attributes)?.[1] ?? ''
      return `<img${attributes} alt="Image${name ? `: ${name}` : ''}">`
    })
}
