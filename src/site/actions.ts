/**
 * The archive's follow-ups in one place (`/actions/`): every action item of every postmortem, grouped by status, so
 * a team can see what it committed to and what is still open, each linking back to the postmortem it came from.
 */
import type { ActionItem, ActionState, RecordHead } from '../types.js'
import { byCodePoint } from '../compare.js'
import { shownTitle } from './shown-title.js'

/** A follow-up's state as the postmortem says it (open, in progress, blocked, done, won't do), or not said. */
export type ActionStatus = ActionState | 'unknown'

/** One action item with the postmortem it belongs to. */
export interface ArchiveAction {
  text: string
  kind: string | null
  owner: string | null
  priority: string | null
  /** When it is due, as the record states it (`YYYY-MM-DD` or the author's words), else null. */
  due: string | null
  /** The author's own status word ("In Review", "FAILED"), else null. */
  statusText: string | null
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

const LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  unknown: 'Status not stated',
  done: 'Done',
  'wont-do': "Won't do",
}

/** The item's status; a record written before `status` existed falls back on its done flag. */
export const statusOf = (item: ActionItem): ActionStatus => item.status ?? (item.done === true ? 'done' : item.done === false ? 'open' : 'unknown')

/** Whether an item is still to be done (open, in progress or blocked). */
export const isPending = (status: ActionStatus): boolean => status === 'open' || status === 'in-progress' || status === 'blocked'

/** Most first, then by name, as a list of named counts. */
function ranked(counts: Map<string, number>): Array<{ name: string; count: number }> {
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || byCodePoint(a.name, b.name))
}

const byText = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

/** Items a record's place in an item reference leaves room for (a record with more is refused long before: files are capped in size). */
const ITEM_SLOTS = 2 ** 21

/** An action item by place: its record's index in archive order and its own index, one number (8 bytes, not an object). */
export type ActionRef = number

/** The archive's action items in status order, by place, with the counts every page shows. */
export interface ActionIndex {
  total: number
  groups: Array<{ status: ActionStatus; label: string; refs: ActionRef[] }>
  /** Owners with items still to do (open, in progress, blocked), most first. */
  openByOwner: Array<{ owner: string; count: number }>
  /** Kinds with their item counts, most first. */
  byKind: Array<{ kind: string; count: number }>
}

/** The item a reference names, with what a page shows of its postmortem. */
export function actionOf(records: readonly RecordHead[], ref: ActionRef): ArchiveAction {
  const r = records[Math.floor(ref / ITEM_SLOTS)]!
  const item = r.actionItems[ref % ITEM_SLOTS]!
  const { text, kind, owner } = item
  const statusText = item.statusText ?? null
  return { text, kind, owner, priority: item.priority ?? null, due: item.due ?? null, statusText, slug: r.slug, title: shownTitle(r), date: r.date }
}

/** Orders every action item of the records (in archive order) into status groups, by place; pure and deterministic. */
export function actionIndex(records: readonly RecordHead[]): ActionIndex {
  const groups = new Map<ActionStatus, ActionRef[]>((Object.keys(LABELS) as ActionStatus[]).map((status) => [status, []]))
  const owners = new Map<string, number>()
  const kinds = new Map<string, number>()
  let total = 0
  records.forEach((r, at) => {
    r.actionItems.forEach((item, i) => {
      const status = statusOf(item)
      if (i < ITEM_SLOTS) groups.get(status)!.push(at * ITEM_SLOTS + i)
      if (isPending(status) && item.owner) owners.set(item.owner, (owners.get(item.owner) ?? 0) + 1)
      const kind = item.kind ?? 'unspecified'
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
      total++
    })
  })
  const itemOf = (ref: ActionRef): ActionItem => records[Math.floor(ref / ITEM_SLOTS)]!.actionItems[ref % ITEM_SLOTS]!
  return {
    total,
    // A stable sort keeps archive order within the same kind and owner.
    groups: [...groups]
      .filter(([, refs]) => refs.length)
      .map(([status, refs]) => ({
        status,
        label: LABELS[status],
        refs: refs.sort((a, b) => {
          const x = itemOf(a)
          const y = itemOf(b)
          return byText(x.kind, y.kind) || byText(x.owner, y.owner)
        }),
      })),
    openByOwner: ranked(owners).map(({ name, count }) => ({ owner: name, count })),
    byKind: ranked(kinds).map(({ name, count }) => ({ kind: name, count })),
  }
}

/** Gathers every action item of the records (in archive order) into status groups; pure and deterministic. */
export function archiveActions(records: RecordHead[]): ArchiveActions {
  const index = actionIndex(records)
  const groups = index.groups.map((g) => ({ status: g.status, label: g.label, items: g.refs.map((ref) => actionOf(records, ref)) }))
  return { total: index.total, groups, openByOwner: index.openByOwner, byKind: index.byKind }
}

/** What `/actions/` reads of one record, as one string: the page is rendered again only when it changes. */
export const actionsFields = (r: RecordHead): string =>
  r.actionItems.length
    ? [
        r.slug,
        r.title,
        r.date,
        JSON.stringify(r.actionItems.map((a) => [a.text, a.kind, a.owner, a.priority ?? null, a.done, a.due ?? null, a.status ?? null, a.statusText ?? null])),
      ].join('\u0001')
    : ''
