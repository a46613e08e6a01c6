/** Content diagnostics about the impact window: what the window stage refused to read, stamped where the author can fix it. */
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'
import type { ImpactNotes } from './impact-window.js'

/** Reports what `notes` say was refused; the front matter (line 1) states the window's ends when a note is set. */
export function reportImpactNotes(file: VFile, notes: ImpactNotes): void {
  if (notes.endBeforeStart)
    report(file, 'warning', 'The stated end of the impact comes before its start, so the end is left out', { line: 1, column: 1 }, RULE.impactEndBeforeStart)
}
