/** A front-matter key in lower case without `_` or `-`, as key lists compare it (`resolved_at`, `resolvedAt` → `resolvedat`). */
export const bareKey = (key: string): string => key.toLowerCase().replace(/[_-]/g, '')
