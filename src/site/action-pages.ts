/**
 * The pages of `/actions/`: every action item of the archive in status order, a fixed number a page (the first at
 * `actions/index.html`, then `actions/page/N/`), as the other indexes are paginated. One page of them all was 84.7 MB
 * at 100,000 postmortems, built as one string with its data; a page here is a slice, each keyed by what it shows.
 */
import type { RecordHead, ResolvedConfig } from '../types.js'
import { actionIndex, actionOf, type ActionIndex, type ActionStatus, type ArchiveAction } from './actions.js'
import { keyDigest } from './key-digest.js'
import { paginationLinks, pagePath } from './paths.js'
import type { PlannedFile } from './pages.js'

/** Folder of the action item pages. */
const DIR = 'actions'

/** Items a page shows: short table rows, so four times a list page's postmortems, as the bucket lists. */
export const actionsPerPage = (config: ResolvedConfig): number => config.pageSize * 4

/** One status group as a page shows it: its count in the whole archive, where it starts, and the items on this page. */
interface PageGroup {
  status: ActionStatus
  label: string
  count: number
  /** Whether the group began on an earlier page. */
  continued: boolean
  items: ArchiveAction[]
}

/** What every page says of the archive's items: totals, open items by owner, and the page each status starts on. */
function summaryOf(index: ActionIndex, perPage: number): Record<string, unknown> {
  let at = 0
  const groups = index.groups.map((g) => {
    const first = at
    at += g.refs.length
    return { status: g.status, label: g.label, count: g.refs.length, page: pagePath(DIR, Math.floor(first / perPage) + 1) }
  })
  return { total: index.total, groups, openByOwner: index.openByOwner }
}

/** The groups of items from `from` (inclusive) to `to` (exclusive) of the status order, each item made when asked. */
function pageGroups(index: ActionIndex, records: readonly RecordHead[], from: number, to: number): PageGroup[] {
  const out: PageGroup[] = []
  let start = 0
  for (const g of index.groups) {
    const end = start + g.refs.length
    const lo = Math.max(from, start)
    const hi = Math.min(to, end)
    if (lo < hi) {
      const items = g.refs.slice(lo - start, hi - start).map((ref) => actionOf(records, ref))
      out.push({ status: g.status, label: g.label, count: g.refs.length, continued: lo > start, items })
    }
    start = end
  }
  return out
}

/** Plans `/actions/` and its further pages; a page's key is its fixed data and the fields of the items it shows. */
export function actionPages(records: readonly RecordHead[], config: ResolvedConfig): PlannedFile[] {
  const index = actionIndex(records)
  const perPage = actionsPerPage(config)
  const pages = Math.max(1, Math.ceil(index.total / perPage))
  const summary = summaryOf(index, perPage)
  const files: PlannedFile[] = []
  for (let n = 1; n <= pages; n++) {
    const from = (n - 1) * perPage
    const to = Math.min(index.total, n * perPage)
    const fixed = { title: 'Action items', summary, pagination: paginationLinks(DIR, n, pages) }
    // The items' text is hashed a page at a time, never the archive's at once.
    const shown = pageGroups(index, records, from, to).map((g) => [g.status, g.continued, g.items.map((i) => Object.values(i))])
    files.push({
      path: pagePath(DIR, n),
      template: 'actions',
      key: keyDigest(JSON.stringify([fixed, shown])),
      data: () => ({ ...fixed, groups: pageGroups(index, records, from, to) }),
    })
  }
  return files
}
