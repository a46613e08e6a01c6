/** Whether a process is running, so a build never removes the leftovers of one that still is (site staging, cache packs, search scratch). */
export const isAlive = (pid: number): boolean => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
