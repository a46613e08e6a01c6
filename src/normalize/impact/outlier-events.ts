/**
 * Timeline events whose day breaks an otherwise ordered timeline by a day or more (a typo'd "2022-02-20" between two
 * events of 2022-02-02): the ordering check warns of them, and they never stretch the impact window.
 */
import type { Moment } from '../../types.js'
import { minutesFrom } from './moment-math.js'

const DAY = 1440

/** `true` when `a` is at or before `b` by their days and times. */
const inOrder = (a: Moment, b: Moment): boolean => minutesFrom(a, b) !== null

/**
 * The events in document order without those that jump a day or more past both neighbours, or fall a day or more
 * before both, while the neighbours themselves are in order; the first and last event are kept (no neighbour to judge by).
 */
export function withoutOutliers<T extends { moment: Moment }>(events: T[]): T[] {
  if (events.length < 3) return events
  return events.filter((e, i) => {
    const before = events[i - 1]
    const after = events[i + 1]
    if (!before || !after || !e.moment.date || !inOrder(before.moment, after.moment)) return true
    const ahead = minutesFrom(after.moment, e.moment)
    const behind = minutesFrom(e.moment, before.moment)
    return !((ahead !== null && ahead >= DAY) || (behind !== null && behind >= DAY))
  })
}
