import path from 'node:path'

/** Project root, for the bundled `content/` and `templates/`. */
export const ROOT = path.resolve(import.meta.dirname, '../..')
