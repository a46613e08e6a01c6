import { Eta } from 'eta'
import { HindsightError, TemplateError } from '../errors.js'
import type { ResolvedConfig } from '../types.js'
import { publicUrl } from './links.js'
import type { PlannedFile } from './pages.js'
import type { FileContent } from './write.js'
import { slugify, url } from './paths.js'
import { brandTarget } from './static-files.js'
import { createLayeredResolver, templateLayers } from './templates-layers.js'
import { severityBadge, severityLevel } from './severity.js'
import { siteLabel } from './taxonomy.js'
import { shownTitle } from './shown-title.js'
import { sourceLinks } from './source-links.js'
import { causeLabel } from '../enrich/derive-causes.js'

/** Renders planned files with the eta templates of the project; autoescaping is always on. */
export function createRenderer(config: ResolvedConfig): (file: PlannedFile) => FileContent {
  const eta = new Eta({ views: config.templatesDir, autoEscape: true, cache: true, autoTrim: false })
  // Each template, partial and layout from the project's folder when it has that file, else the bundled one.
  const resolve = createLayeredResolver(templateLayers(config.templatesDir))
  eta.resolvePath = (template, options) => resolve(template, options?.filepath)
  const href = (target: string | null): string | null => (target === null ? null : /^https?:\/\//i.test(target) ? target : url(config.base, target))
  const site = {
    title: config.title,
    description: config.description,
    base: config.base,
    url: config.url,
    sites: config.sites,
    /** URL of the header logo, or null. */
    logo: href(brandTarget('logo', config.logo)),
    /** URL of the page icon, or null. */
    favicon: href(brandTarget('favicon', config.favicon)),
  }
  const helpers = {
    url: (rel: string) => url(config.base, rel),
    /** Absolute URL when `config.url` is set, else root-relative: for canonical links and Open Graph. */
    abs: (rel: string) => publicUrl(config, rel),
    slugify,
    severityLevel,
    severityBadge,
    siteLabel: (name: string) => siteLabel(config.sites, name),
    /** The title readers see: a derived display title where the author's names no incident. */
    shownTitle,
    /** The label of a cause category id (`dns` → `DNS`). */
    causeLabel,
    /** "View source" and "Edit this page" addresses of a postmortem by its source path (the `repository` key), each null when not configured. */
    sourceLinks: (source: string) => sourceLinks(config.repository, source),
  }
  return (file) => {
    if ('content' in file) return typeof file.content === 'function' ? file.content() : file.content
    try {
      const data = typeof file.data === 'function' ? file.data({ base: config.base }) : file.data
      return eta.render(file.template, { ...data, site, h: helpers, path: file.path })
    } catch (cause) {
      // Hindsight's own errors (a cached body the page read, which is gone) say what failed: only a template's are wrapped.
      if (cause instanceof HindsightError) throw cause
      throw new TemplateError(`Cannot render ${file.path} with template \`${file.template}\`: ${(cause as Error).message}`, { cause })
    }
  }
}
