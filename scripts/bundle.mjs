#!/usr/bin/env node
// Bundles the CLI and the normalize and render workers with esbuild over the modules tsc just wrote to dist/ (npm run compile):
// dist/cli.js and dist/workers/{normalize,render}-worker.js become single files plus shared chunks in dist/chunks/, lazily
// imported parts staying lazy. A build then loads a few files instead of ~580 modules: module resolution and loading
// were a third of the CPU of a warm one-edit build. dist/index.js and the other modules stay as tsc wrote them for the
// library entry and the bench scripts. Pagefind (a platform binary) and chokidar (optional native fsevents) stay external.
// Dependencies are bundled with the patches of scripts/bundle-patches.mjs (same results, less CPU).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { dependencyPatches } from './bundle-patches.mjs'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli.ts',
    'workers/normalize-worker': 'src/workers/normalize-worker.ts',
    'workers/render-worker': 'src/workers/render-worker.ts',
  },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['pagefind', 'chokidar'],
  // CommonJS dependencies bundled into ESM call `require` for Node's own modules. js-yaml 3 (gray-matter's) also asks
  // for esprima at startup, for its `!!js/function` type, which gray-matter's `safeLoad` never uses: refused here, it
  // leaves the type without a parser, as js-yaml does when esprima is not installed (283 kB not compiled each build).
  banner: {
    js:
      "import { createRequire as __hindsightCreateRequire } from 'node:module'; const __hindsightRequire = __hindsightCreateRequire(import.meta.url); " +
      "const require = Object.assign((id) => { if (id === 'esprima') throw new Error('esprima is not loaded'); return __hindsightRequire(id) }, __hindsightRequire);",
  },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Exact source patches of dependencies (scripts/bundle-patches.mjs), each checked against the unpatched dependency by a test.
  plugins: [dependencyPatches],
})
// Chunks are named by their content: those of an earlier bundle that this one did not write are removed after it is
// complete (never before, so a build running from dist/ meanwhile keeps finding its chunks).
const chunks = path.join(dist, 'chunks')
const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)))
if (existsSync(chunks)) for (const name of readdirSync(chunks)) if (!written.has(path.join(chunks, name))) rmSync(path.join(chunks, name))
// The code id (src/version.ts CODE_ID, part of every cache key): a digest of every script this bundle wrote, so a cache
// written by other code of the same package version (another commit, a local patch) is never reused.
const codeId = createHash('sha256')
for (const file of Object.keys(result.metafile.outputs)
  .filter((name) => name.endsWith('.js'))
  .sort())
  codeId
    .update(`${file}\0`)
    .update(readFileSync(path.resolve(root, file)))
    .update('\0')
writeFileSync(path.join(dist, 'code-id.txt'), `${codeId.digest('hex').slice(0, 16)}\n`)
