/**
 * A `listItem` handler for remark-rehype that decides a list's looseness once per list: the default handler re-scans
 * every sibling for every item, so a list of 100,000 items cost minutes. The output is the default handler's.
 */
import { defaultHandlers } from 'remark-rehype'
import type { List, ListItem, Parents } from 'mdast'

type ListItemHandler = typeof defaultHandlers.listItem

/** A list is loose when it or any of its items is spread (mdast-util-to-hast's `listLoose`). */
function isLoose(list: List): boolean {
  if (list.spread) return true
  for (const item of list.children) if (item.spread || (item.children.length > 1 && item.spread !== false)) return true
  return false
}

const loose = new WeakMap<Parents, boolean>()

/** The default handler, given a stand-in parent that carries the list's looseness, computed once per list node. */
export const linearListItem: ListItemHandler = (state, node: ListItem, parent) => {
  if (!parent || parent.type !== 'list') return defaultHandlers.listItem(state, node, parent)
  let value = loose.get(parent)
  if (value === undefined) {
    value = isLoose(parent)
    loose.set(parent, value)
  }
  return defaultHandlers.listItem(state, node, { type: 'list', spread: value, children: [] })
}
