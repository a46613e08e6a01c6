import type { ResolvedConfig } from '../types.js'

/** The file's path in the repository, each segment percent-encoded, for `{path}` in a link template. */
const repositoryPath = (prefix: string, source: string): string => (prefix + source).split('/').map(encodeURIComponent).join('/')

/** "View source" and "Edit this page" addresses of a postmortem, from the resolved `repository` key; both null without it. */
export function sourceLinks(repository: ResolvedConfig['repository'], source: string): { view: string | null; edit: string | null } {
  if (!repository) return { view: null, edit: null }
  const file = repositoryPath(repository.prefix, source)
  const fill = (template: string | null): string | null => (template ? template.replaceAll('{path}', file) : null)
  return { view: fill(repository.view), edit: fill(repository.edit) }
}
