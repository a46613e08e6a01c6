import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** The heap in use after two full collections, for tests that bound what a structure retains per item. */
export function usedHeapAfterGc(): number {
  gc()
  gc()
  return getHeapStatistics().used_heap_size
}
