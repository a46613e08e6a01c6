/** Content diagnostics about the impact window: what the window stage refused to read, stamped where the author can fix it. */
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import type { ImpactWindow } from '../../types.js'
import { report } from '../diagnostics.js'
import type { ImpactNotes } from './impact-window.js'
import { findDurations } from './find-duration.js'
import { minutesFrom } from './moment-math.js'

/** How far a stated duration may be from the window's own span before they disagree: 10 % or 5 minutes, whichever is more. */
const agree = (stated: number, span: number): boolean => Math.abs(stated - span) <= Math.max(5, stated * 0.1)

/** Lines of the document searched for where a duration is written: a bound on what a mismatch note costs. */
const MAX_LINES = 2000

/** Where the document first writes an amount of `minutes` ("34 minutes", "0:34 h"), else its first line. */
function placeOfDuration(text: string, minutes: number): { line: number; column: number } {
  const lines = text.split('\n', MAX_LINES)
  for (const [i, line] of lines.entries()) {
    const found = line.length <= 2000 ? findDurations(line).find((d) => d.minutes === minutes) : undefined
    if (found) return { line: i + 1, column: found.index + 1 }
  }
  return { line: 1, column: 1 }
}

/** An amount of minutes in words ("45 minutes", "1 h 30 min"), for a message. */
function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`
  const rest = minutes % 60
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`
}

/**
 * Reports what `notes` say was refused, and a stated duration that disagrees with the span of the window's own start
 * and end (the stated duration is kept, as the reader was told it); the front matter (line 1) states the window's
 * ends when a note is set.
 */
export function reportImpactNotes(file: VFile, notes: ImpactNotes, window?: ImpactWindow): void {
  if (notes.endBeforeStart)
    report(file, 'warning', 'The stated end of the impact comes before its start, so the end is left out', { line: 1, column: 1 }, RULE.impactEndBeforeStart)
  const span = window ? minutesFrom(window.start, window.end) : null
  const stated = window?.durationMinutes ?? null
  if (span !== null && stated !== null && window?.start?.time && window.end?.time && !agree(stated, span))
    report(
      file,
      'info',
      `The stated impact duration (${minutesText(stated)}) differs from its start and end (${window.start.time} to ${window.end.time}, ${minutesText(span)}); the stated duration is kept`,
      placeOfDuration(String(file.value), stated),
      RULE.impactDurationMismatch,
    )
}
