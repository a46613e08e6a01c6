/** An all-numeric date (`05-03-2020`, `3.4.20`) in parts: its first two numbers, its year digits and its two separators. */
export interface NumericDate {
  a: number
  b: number
  year: string
  separators: string
}

/** The parts of an all-numeric date, null for any other shape. */
export function numericParts(text: string): NumericDate | null {
  const m = /^(\d{1,2})([./-])(\d{1,2})([./-])(\d{2,4})$/.exec(text)
  return m ? { a: Number(m[1]), b: Number(m[3]), year: m[5]!, separators: `${m[2]}${m[4]}` } : null
}

/**
 * The day order under which an ambiguous numeric date (`05-03-2020`) names a day known for certain, null when none does.
 * Dotted dates (`3.4.2020`) are left out: they are written day-first by convention, whatever day a file name gives.
 */
export function orderOfKnownDay(numeric: NumericDate[], knownDays: readonly string[]): boolean | null {
  const two = (n: number): string => String(n).padStart(2, '0')
  for (const { a, b, year: digits, separators } of numeric) {
    if (a === b || !['//', '--'].includes(separators) || digits.length === 3) continue
    const year = digits.length === 2 ? `20${digits}` : digits
    if (knownDays.includes(`${year}-${two(b)}-${two(a)}`)) return true
    if (knownDays.includes(`${year}-${two(a)}-${two(b)}`)) return false
  }
  return null
}
