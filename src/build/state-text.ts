/**
 * The stored build state as JSON text written in pieces: the text `JSON.stringify` of the stored form would give, but
 * never held whole (at 100,000 postmortems it is 88 MB, one string built at the end of a cold build: its last spike).
 */

/** Length a piece grows to before it is handed on: large enough that a write costs little, small enough to hold. */
export const PIECE_CHARS = 64 * 1024

/** A long array of a stored field, given element by element, so its text is written in pieces. */
export class StreamedList {
  constructor(readonly items: Iterable<unknown>) {}
}

/** A long text of a stored field, given as its parts and the separator between them, so it is written in pieces. */
export class StreamedText {
  constructor(
    readonly parts: Iterable<string>,
    readonly separator: string,
  ) {}
}

/** A value of the stored form: written as `JSON.stringify` writes it, or a `StreamedList` or `StreamedText` written in parts. */
export type StoredValue = unknown

/** The JSON text of one object, field by field (undefined fields left out, as `JSON.stringify` does), in small pieces. */
function* objectText(fields: ReadonlyArray<readonly [string, StoredValue]>): Generator<string> {
  let first = true
  for (const [name, value] of fields) {
    if (value === undefined) continue
    yield `${first ? '{' : ','}${JSON.stringify(name)}:`
    first = false
    if (value instanceof StreamedText) {
      const separator = JSON.stringify(value.separator).slice(1, -1)
      let i = 0
      yield '"'
      // A part's JSON text without its quotes is its escaped characters: the parts joined are the text joined, escaped.
      for (const part of value.parts) yield `${i++ ? separator : ''}${JSON.stringify(part).slice(1, -1)}`
      yield '"'
      continue
    }
    if (!(value instanceof StreamedList)) {
      yield JSON.stringify(value)
      continue
    }
    yield '['
    let i = 0
    // An element that is undefined is `null` in an array, as `JSON.stringify` writes it.
    for (const item of value.items) yield `${i++ ? ',' : ''}${JSON.stringify(item) ?? 'null'}`
    yield ']'
  }
  yield first ? '{}' : '}'
}

/** The JSON text of an object whose long arrays are `streamed`, in pieces of about `PIECE_CHARS` characters. */
export function* jsonPieces(fields: ReadonlyArray<readonly [string, StoredValue]>, pieceChars = PIECE_CHARS): Generator<string> {
  let piece = ''
  for (const text of objectText(fields)) {
    piece += text
    if (piece.length >= pieceChars) {
      yield piece
      piece = ''
    }
  }
  if (piece) yield piece
}
