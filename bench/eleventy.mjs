// Eleventy baseline: a layout template, a page per Markdown file, and a paginated home list (50 per page, as ours),
// written next to the generated Markdown (Hindsight reads only .md/.markdown/.txt, so these files do not affect it).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Writes the Eleventy config, layout and home template for a generated archive; returns the config path. */
export function setupEleventy(projectDir, contentDir) {
  mkdirSync(path.join(contentDir, '_includes'), { recursive: true })
  writeFileSync(
    path.join(contentDir, '_includes', 'post.njk'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title or page.fileSlug }} · Postmortem archive</title>
<link rel="stylesheet" href="/assets/style.css"></head>
<body><header><a href="/">Postmortem archive</a></header>
<main><article><h1>{{ title or page.fileSlug }}</h1><p>{{ page.date | dateIso }}</p>{{ content | safe }}</article></main>
<footer>Built with Eleventy.</footer></body></html>
`,
  )
  writeFileSync(
    path.join(contentDir, 'index.njk'),
    `---
pagination:
  data: collections.all
  size: 50
  alias: entries
permalink: "{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}index.html"
eleventyExcludeFromCollections: true
layout: false
---
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postmortem archive</title></head><body><main><ol>
{%- for entry in entries %}
<li><a href="{{ entry.url }}">{{ entry.data.title or entry.fileSlug }}</a> <time>{{ entry.date | dateIso }}</time></li>
{%- endfor %}
</ol><nav>{% for href in pagination.hrefs %}<a href="{{ href }}">{{ loop.index }}</a> {% endfor %}</nav></main></body></html>
`,
  )
  const config = path.join(projectDir, 'eleventy.config.mjs')
  writeFileSync(
    config,
    `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData('layout', 'post.njk')
  eleventyConfig.addFilter('dateIso', (d) => (d instanceof Date && !isNaN(d) ? d.toISOString().slice(0, 10) : ''))
  return { dir: { input: ${JSON.stringify(contentDir)}, includes: '_includes', output: ${JSON.stringify(path.join(projectDir, '_site'))} }, templateFormats: ['md', 'njk'], markdownTemplateEngine: false, htmlTemplateEngine: 'njk' }
}
`,
  )
  return config
}
