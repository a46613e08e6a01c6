/** Whether any of the nodes or their descendants has one of the types, walked without recursion so no depth can overflow the stack. */
export function containsType(nodes: readonly unknown[], types: ReadonlySet<string>): boolean {
  const stack = [...nodes]
  while (stack.length) {
    const node = stack.pop() as { type: string; children?: unknown[] }
    if (types.has(node.type)) return true
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child)
  }
  return false
}
