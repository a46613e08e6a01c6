/** A plain object's own value for a key that may come from a user (`constructor`, `__proto__`), never an inherited one. */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined)
