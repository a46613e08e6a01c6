/** Repairs to the parsed tree where the author's markup says something GFM reads otherwise, before any stage reads it. */
import type { Root } from 'mdast'
import { readIndentedLists } from './indented-lists.js'
import { removeKramdownAttributes } from './kramdown-attributes.js'

/** Drops kramdown attribute lists and reads lists indented as code as lists; `source` is the text the tree was parsed from. */
export function repairTree(tree: Root, source: string): void {
  removeKramdownAttributes(tree)
  readIndentedLists(tree, source)
}
