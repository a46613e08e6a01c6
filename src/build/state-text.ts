/**
 * The stored build state as JSON text written in pieces: the text `JSON.stringify` of the stored form would give, but
 * never held whole (at 100,000 postmortems it is 88 MB, one string built at the end of a cold build: its last spike).
 */

/** Length a piece grows to before it is handed on: large enough that a write costs little, small enough to hold. */
export const PIECE_CHARS = 64 * 1024

/** Elements already grouped in arrays by their maker (a few thousand each), so a long list is not handed over one element at a time. */
export class Batches<T> {
  constructor(readonly arrays: Iterable<T[]>) {}
}

/** A long array of a stored field, given element by element (or in `Batches`), so its text is written in pieces. */
export class StreamedList {
  constructor(readonly items: Iterable<unknown> | Batches<unknown>) {}
}

/** A long text of a stored field, given as its parts (or in `Batches`) and the separator between them, so it is written in pieces. */
export class StreamedText {
  constructor(
    readonly parts: Iterable<string> | Batches<string>,
    readonly separator: string,
  ) {}
}

/** A value of the stored form: written as `JSON.stringify` writes it, or a `StreamedList` or `StreamedText` written in parts. */
export type StoredValue = unknown

/** Elements a list or text is escaped by at once: one `JSON.stringify` call a batch instead of one an element. */
export const BATCH = 2048

/** The items in arrays of at most `BATCH` (`Batches` as their maker grouped them), none empty. */
function* batches<T>(items: Iterable<T> | Batches<T>): Generator<T[]> {
  if (items instanceof Batches) {
    for (const batch of items.arrays) if (batch.length) yield batch
    return
  }
  let batch: T[] = []
  for (const item of items) {
    batch.push(item)
    if (batch.length < BATCH) continue
    yield batch
    batch = []
  }
  if (batch.length) yield batch
}

/** The JSON text of one object, field by field (undefined fields left out, as `JSON.stringify` does), in small pieces. */
function* objectText(fields: ReadonlyArray<readonly [string, StoredValue]>): Generator<string> {
  let first = true
  for (const [name, value] of fields) {
    if (value === undefined) continue
    yield `${first ? '{' : ','}${JSON.stringify(name)}:`
    first = false
    if (value instanceof StreamedText) {
      // The parts joined and escaped, a batch at a time: escaping is per character, so the batches' texts joined are the whole text's.
      const separator = JSON.stringify(value.separator).slice(1, -1)
      yield '"'
      let i = 0
      for (const batch of batches(value.parts)) yield `${i++ ? separator : ''}${JSON.stringify(batch.join(value.separator)).slice(1, -1)}`
      yield '"'
      continue
    }
    if (!(value instanceof StreamedList)) {
      yield JSON.stringify(value)
      continue
    }
    // A batch's array text without its brackets is its elements' texts joined by commas (undefined as null, as in an array).
    yield '['
    let i = 0
    for (const batch of batches(value.items)) yield `${i++ ? ',' : ''}${JSON.stringify(batch).slice(1, -1)}`
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
