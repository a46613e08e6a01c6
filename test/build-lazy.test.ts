/** The build command's static imports stop at `src/build/passes.ts`: a build with no change never loads the pass modules (issue 17's startup cost). */
import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(__dirname, '../src')

/** Module specifiers a file loads when it is imported: every `import`/`export ... from` but `import type`/`export type`, no `import()`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(/^[ \t]*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm)) found.push(m[1]!)
  return found
}

/** The source files and packages `start` loads statically, followed through the project's own modules. */
function staticGraph(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const queue = [path.join(SRC, start)]
  while (queue.length > 0) {
    const file = queue.shift()!
    if (files.has(file)) continue
    files.add(file)
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
        continue
      }
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'))
      expect(existsSync(target), `${path.relative(SRC, file)} imports ${spec}`).toBe(true)
      queue.push(target)
    }
  }
  return { files: new Set([...files].map((f) => path.relative(SRC, f).split(path.sep).join('/'))), packages }
}

/** Modules only a pass needs: planning, rendering, writing pages, search, normalizing. */
const PASS_ONLY = [
  'build/passes.ts',
  'build/edited.ts',
  'build/full.ts',
  'build/full-build.ts',
  'build/update.ts',
  'build/pass.ts',
  'site/pages.ts',
  'site/produce.ts',
  'site/render.ts',
  'normalize/index.ts',
  'document.ts',
  'workers/pool.ts',
  'search/incremental.ts',
]
const HEAVY_PACKAGE = /^(unified|remark|rehype|micromark|mdast|hast|eta$|pagefind$)/

describe('the unchanged build path', () => {
  it('loads none of the pass modules nor the Markdown, template or search packages', () => {
    const { files, packages } = staticGraph('commands/build.ts')
    expect(files.has('builder.ts')).toBe(true)
    expect(PASS_ONLY.filter((f) => files.has(f))).toEqual([])
    expect([...packages].filter((p) => HEAVY_PACKAGE.test(p))).toEqual([])
  })

  it('loads no diagnostics reporter: the CLI parser and `build` print diagnostics line by line (report/diagnostic-line.ts)', () => {
    for (const start of ['cli.ts', 'commands/build.ts']) {
      const { files, packages } = staticGraph(start)
      expect(files.has('report/format.ts')).toBe(false)
      expect([...packages].filter((p) => p.startsWith('vfile-'))).toEqual([])
    }
  })

  it('reaches them through the one lazy boundary, src/build/passes.ts', () => {
    // The check above means something only if the walk does find the pass modules from the boundary.
    const { files, packages } = staticGraph('build/passes.ts')
    expect(['build/edited.ts', 'build/full.ts', 'build/update.ts', 'site/pages.ts', 'site/produce.ts'].filter((f) => !files.has(f))).toEqual([])
    expect(packages.size).toBeGreaterThan(0)
    const builder = readFileSync(path.join(SRC, 'builder.ts'), 'utf8')
    expect(builder.match(/=> import\('\.\/build\/passes\.js'\)/g)).toHaveLength(1)
  })
})
