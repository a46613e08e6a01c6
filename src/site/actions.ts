/**
 * The archive's follow-ups in one place (`/actions/`): every action item of every postmortem, grouped by status, so
 * a team can see what it committed to and what is still open, each linking back to the postmortem it came from.
 */
import type { ActionItem, RecordHead } from '../types.js'
import { byCodePoint } from '../compare.js'
import { shownTitle } from './shown-title.js'

/** A follow-up's state as the postmortem says it: a checked box or "done", an unchecked one, or not said. */
export type ActionStatus = 'open' | 'done' | 'unknown'

/** One action item with the postmortem it belongs to. */
export interface ArchiveAction {
  text: string
  kind: string | null
  owner: string | null
  priority: string | null
  slug: string
  title: string
  date: string | null
}

/** The items of one status, ordered by kind, then owner, then postmortem (archive order). */
export interface ActionGroup {
  status: ActionStatus
  label: string
  items: ArchiveAction[]
}

/** Everything `/actions/` shows, and the counts the stats page repeats. */
export interface ArchiveActions {
  total: number
  groups: ActionGroup[]
  /** Owners with open items, most first. */
  openByOwner: Array<{ owner: string; count: number }>
  /** Kinds with their item counts, most first. */
  byKind: Array<{ kind: string; count: number }>
}

const LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', unknown: 'Status not stated' }

export const statusOf = (item: ActionItem): ActionStatus => (item.done === true ? 'done' : item.done === false ? 'open' : 'unknown')

/** Most first, then by name, as a list of named counts. */
function ranked(counts: Map<string, number>): Array<{ name: string; count: number }> {
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || byCodePoint(a.name, b.name))
}

const byText = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

/** Gathers every action item of the records (in archive order) into status groups; pure and deterministic. */
export function archiveActions(records: RecordHead[]): ArchiveActions {
  const groups = new Map<ActionStatus, ArchiveAction[]>([
    ['open', []],
    ['unknown', []],
    ['done', []],
  ])
  const owners = new Map<string, number>()
  const kinds = new Map<string, number>()
  let total = 0
  for (const r of records) {
    for (const item of r.actionItems) {
      const status = statusOf(item)
      groups
        .get(status)!
        .push({ text: item.text, kind: item.kind, owner: item.owner, priority: item.priority ?? null, slug: r.slug, title: shownTitle(r), date: r.date })
      if (status === 'open' && item.owner) owners.set(item.owner, (owners.get(item.owner) ?? 0) + 1)
      const kind = item.kind ?? 'unspecified'
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
      total++
    }
  }
  return {
    total,
    // A stable sort keeps archive order within the same kind and owner.
    groups: [...groups]
      .filter(([, items]) => items.length)
      .map(([status, items]) => ({ status, label: LABELS[status], items: items.sort((a, b) => byText(a.kind, b.kind) || byText(a.owner, b.owner)) })),
    openByOwner: ranked(owners).map(({ name, count }) => ({ owner: name, count })),
    byKind: ranked(kinds).map(({ name, count }) => ({ kind: name, count })),
  }
}

/** What `/actions/` reads of one record, as one string: the page is rendered again only when it changes. */
export const actionsFields = (r: RecordHead): string =>
  r.actionItems.length
    ? [r.slug, r.title, r.date, JSON.stringify(r.actionItems.map((a) => [a.text, a.kind, a.owner, a.priority ?? null, a.done]))].join('\u0001')
    : ''
