// Source patches esbuild applies to dependencies as it bundles the CLI and the workers (scripts/bundle.mjs). Each patch
// replaces one exact piece of a dependency's source and fails the bundle when that piece is not found exactly once, so
// a dependency update never leaves a patch silently unapplied; test/bundle-patches.test.ts checks each one gives the
// same results as the unpatched dependency. The library entry (dist/index.js) and the tests use the dependencies as
// they are.
import { readFile } from 'node:fs/promises'

/**
 * mdast-util-from-markdown's compiler calls each event's handler on a fresh spread of its context (eight fields plus
 * `sliceSerialize`): tens of thousands of object copies a postmortem, 14 % of `fromMarkdown`'s CPU on the synthetic and
 * real sets. No handler (its own, GFM's) writes to `this`, they read `sliceSerialize` and call the shared functions,
 * so one context object with `sliceSerialize` set before each call is the same to them.
 */
const FROM_MARKDOWN_CONTEXT = {
  file: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
  find: `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
  replace: `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`,
}

/** The patches, each a file pattern and the one piece of its source it replaces. */
export const PATCHES = [FROM_MARKDOWN_CONTEXT]

/** A dependency's source with a patch applied; throws when the piece it replaces is not there exactly once. */
export function applyPatch(source, patch, file = '') {
  const at = source.indexOf(patch.find)
  if (at < 0 || source.indexOf(patch.find, at + 1) >= 0)
    throw new Error(`bundle patch for ${file || patch.file}: the source to replace was not found exactly once`)
  return source.slice(0, at) + patch.replace + source.slice(at + patch.find.length)
}

/** The esbuild plugin that applies `PATCHES` to the files they name. */
export const dependencyPatches = {
  name: 'hindsight-dependency-patches',
  setup(build) {
    for (const patch of PATCHES)
      build.onLoad({ filter: patch.file }, async (args) => ({ contents: applyPatch(await readFile(args.path, 'utf8'), patch, args.path), loader: 'js' }))
  },
}
