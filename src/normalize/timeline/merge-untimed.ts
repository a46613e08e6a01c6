/** A list's untimed items put back among its timed ones in document order, once the list is known to be a timeline. */
import type { Piece } from './timeline-walk.js'

/** Pieces a section may hold, as in the walk. */
const MAX_PIECES = 10_000

/** Puts a list's untimed items among the pieces it read from `from` on, in document order (a zone marker stays where it is). */
export function mergeByLine(pieces: Piece[], from: number, untimed: Piece[]): void {
  if (untimed.length === 0) return
  const tail = pieces.splice(from)
  let next = 0
  for (const piece of tail) {
    while (next < untimed.length && 'line' in piece && pieceLine(untimed[next]!) < piece.line) pieces.push(untimed[next++]!)
    pieces.push(piece)
  }
  while (next < untimed.length && pieces.length < MAX_PIECES) pieces.push(untimed[next++]!)
}

function pieceLine(piece: Piece): number {
  return 'line' in piece ? piece.line : 0
}
