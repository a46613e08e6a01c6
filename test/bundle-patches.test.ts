/**
 * The dependency patches the bundle applies (scripts/bundle-patches.mjs) change no result: mdast-util-from-markdown
 * bundled with them builds the same trees as the package itself, with and without GFM, and a patch whose source is
 * gone from its dependency fails loudly instead of being skipped.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { afterAll, describe, expect, it } from 'vitest'
import { PATCHES, applyPatch, dependencyPatches } from '../scripts/bundle-patches.mjs'
import { generateArchive } from '../bench/generate.mjs'

const root = path.resolve(import.meta.dirname, '..')
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-patches-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A module whose source is `contents`, bundled (with the patches, as the CLI's bundle, or without) and imported, with its code. */
async function bundled<T>(name: string, contents: string, patched: boolean): Promise<T & { code: string }> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    plugins: patched ? [dependencyPatches] : [],
    logLevel: 'silent',
  })
  const code = out.outputFiles[0]!.text
  const file = path.join(scratch, `${name}-${patched ? 'patched' : 'package'}.mjs`)
  writeFileSync(file, code)
  return { ...((await import(pathToFileURL(file).href)) as T), code }
}

/** mdast-util-from-markdown bundled with the patches, as the CLI's bundle holds it. */
const patchedFromMarkdown = () =>
  bundled<{ fromMarkdown: typeof fromMarkdown }>('from-markdown', "export { fromMarkdown } from 'mdast-util-from-markdown'", true)

type Transliterate = (text: string, options?: { locale?: string }) => string

/** @sindresorhus/transliterate (slugify's) bundled with or without the patches. */
const bundledTransliterate = (patched: boolean) =>
  bundled<{ transliterate: Transliterate }>('transliterate', "export { default as transliterate } from '@sindresorhus/transliterate'", patched)

/** Markdown to compare on: every fixture's input and 60 synthetic postmortems. */
function inputs(): string[] {
  const fixtures = path.join(root, 'test', 'fixtures')
  const texts = readdirSync(fixtures).flatMap((name) => {
    try {
      return [readFileSync(path.join(fixtures, name, 'input.md'), 'utf8')]
    } catch {
      return []
    }
  })
  const dir = path.join(scratch, 'synthetic')
  for (const file of generateArchive(dir, 60, 7)) texts.push(readFileSync(path.join(dir, file), 'utf8'))
  return texts
}

describe('dependency patches of the bundle', () => {
  it('mdast-util-from-markdown with one reused context builds the trees the package builds, with and without GFM', async () => {
    const patched = await patchedFromMarkdown()
    // esbuild may rename the compiler's locals (`index2`), so the patched call is matched by its shape.
    expect(patched.code).toMatch(
      /context\.sliceSerialize = events\[index\d*\]\[2\]\.sliceSerialize;\s+handler\[events\[index\d*\]\[1\]\.type\]\.call\(context,/,
    )
    const texts = inputs()
    expect(texts.length).toBeGreaterThan(100)
    const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }
    for (const text of texts) {
      expect(patched.fromMarkdown(text)).toEqual(fromMarkdown(text))
      expect(patched.fromMarkdown(text, options)).toEqual(fromMarkdown(text, options))
    }
  })

  it('transliterate with each locale pattern compiled on first use gives the results of the package, with and without a locale', async () => {
    const patched = await bundledTransliterate(true)
    const original = await bundledTransliterate(false)
    // No locale's pattern is compiled as the module loads.
    expect(original.code).toMatch(/for \(const \[locale, localeMap\] of Object\.entries/)
    expect(patched.code).not.toMatch(/for \(const \[locale, localeMap\] of Object\.entries/)
    const texts = ['Straße und Ärger', 'Dvořák', 'Україна їжак', 'Çà et là', 'Œuvre', 'Ελληνικά', 'Tromsø æøå', 'ırmak İstanbul', 'Việt Nam', '中文', 'plain']
    const locales = [undefined, 'de', 'da', 'nb', 'no', 'no-NO', 'sv', 'tr', 'uk', 'ru', 'vi', 'DE-at', 'zz']
    for (const text of texts)
      for (const locale of locales) expect(patched.transliterate(text, { locale }), `${text} ${locale}`).toBe(original.transliterate(text, { locale }))
  })

  it('fails when the source a patch replaces is not in the dependency exactly once', () => {
    // The package's default build, as the bundle resolves it (vitest runs with the `development` condition, whose build differs).
    const entry = createRequire(import.meta.url).resolve('mdast-util-from-markdown')
    const packageRoot = entry.slice(0, entry.lastIndexOf(`${path.sep}mdast-util-from-markdown${path.sep}`) + '/mdast-util-from-markdown'.length)
    const source = readFileSync(path.join(packageRoot, 'lib', 'index.js'), 'utf8')
    const [patch] = PATCHES
    expect(applyPatch(source, patch!)).not.toBe(source)
    expect(() => applyPatch(source.replace(patch!.find, ''), patch!)).toThrow(/not found exactly once/)
    expect(() => applyPatch(source + patch!.find, patch!)).toThrow(/not found exactly once/)
  })
})
