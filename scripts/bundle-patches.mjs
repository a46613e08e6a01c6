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

/**
 * @sindresorhus/transliterate (slugify's) compiles, as it is imported, one alternation of its whole replacement table
 * for every locale it knows: about 30 ms of CPU in every process and thread that loads the slug code (the CLI, each
 * normalize and render thread), although slugs never pass a locale. Each locale's table and pattern are built on first
 * use instead, the same as before.
 */
const TRANSLITERATE_LOCALES = {
  file: /[\\/]@sindresorhus[\\/]transliterate[\\/]index\.js$/,
  find: `// Pre-compile locale patterns
const localeCache = new Map();

for (const [locale, localeMap] of Object.entries(localeReplacements)) {
	const replacements = new Map(builtinReplacements);
	for (const [key, value] of localeMap) {
		replacements.set(key, value);
	}

	localeCache.set(locale, {
		replacements,
		pattern: buildReplacementPattern(replacements),
	});
}
`,
  replace: `// Locale patterns, each compiled on its first use (hindsight bundle patch).
const localeCache = {
	entries: new Map(),
	get(locale) {
		let entry = this.entries.get(locale);
		if (entry === undefined) {
			const replacements = new Map(builtinReplacements);
			for (const [key, value] of localeReplacements[locale]) {
				replacements.set(key, value);
			}

			entry = {replacements, pattern: buildReplacementPattern(replacements)};
			this.entries.set(locale, entry);
		}

		return entry;
	},
};
`,
}

/** The patches, each a file pattern and the one piece of its source it replaces. */
export const PATCHES = [FROM_MARKDOWN_CONTEXT, TRANSLITERATE_LOCALES]

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
