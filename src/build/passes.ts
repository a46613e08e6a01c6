/**
 * The lazy boundary of the build engine: everything only a pass needs (planning, rendering, writing, search), which
 * `builder.ts` loads with one dynamic import when a build has something to do, so a build with no change never loads it.
 */
export { editedPass } from './edited.js'
export { fullBuild } from './full-build.js'
export { passContext } from './pass-context.js'
export { updateBuild } from './update.js'
