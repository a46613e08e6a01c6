import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CONFIG_FILE, defaultConfig, loadConfig, normalizeBase } from '../src/config.js'
import { describeSchema } from '../src/config-schema.js'
import { ConfigError } from '../src/errors.js'

const dirs: string[] = []
function project(config?: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-config-'))
  dirs.push(dir)
  if (config !== undefined) writeFileSync(path.join(dir, CONFIG_FILE), typeof config === 'string' ? config : JSON.stringify(config))
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const failure = (dir: string, overrides = {}): ConfigError => {
  try {
    loadConfig(dir, overrides)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  it('applies every default without a config file, with absolute folders', () => {
    const dir = project()
    const config = loadConfig(dir)
    const defaults = defaultConfig()
    expect(config).toMatchObject({ root: dir, configFile: null, title: defaults.title, base: '/', pageSize: 50, search: true, defaultTimezone: null })
    expect(config.contentDir).toBe(path.join(dir, 'content'))
    expect(config.outDir).toBe(path.join(dir, 'site'))
    expect(config.templatesDir).toBe(path.join(dir, 'templates'))
    expect(config.cacheDir).toBe(path.join(dir, '.hindsight/cache'))
  })

  it('layers the file over the defaults and command-line overrides over the file', () => {
    const dir = project({
      title: 'Ops archive',
      base: 'archive',
      url: 'https://example.com/',
      contentDir: 'posts',
      sites: { obs: 'Open Build Service' },
      defaultTimezone: 'Europe/Berlin',
    })
    const config = loadConfig(dir, { contentDir: 'other', outDir: undefined })
    expect(config).toMatchObject({
      configFile: path.join(dir, CONFIG_FILE),
      title: 'Ops archive',
      base: '/archive/',
      url: 'https://example.com',
      sites: { obs: 'Open Build Service' },
      defaultTimezone: 'Europe/Berlin',
    })
    expect(config.contentDir).toBe(path.join(dir, 'other'))
    expect(config.outDir).toBe(path.join(dir, 'site'))
  })

  it('names the key, its nearest known key and the file for an unknown key', () => {
    const dir = project({ titel: 'x' })
    const error = failure(dir)
    expect(error.message).toContain(path.join(dir, CONFIG_FILE))
    expect(error.message).toContain('unknown key `titel`; did you mean `title`?')
  })

  it('lists the known keys when nothing is close', () => {
    expect(failure(project({ zzzzzzzzzz: 1 })).message).toMatch(/unknown key `zzzzzzzzzz`; known keys: title, description, /)
  })

  it.each([
    [{ pageSize: '50' }, '`pageSize` must be a positive integer, not "50"'],
    [{ pageSize: 0 }, '`pageSize` must be a positive integer'],
    [{ search: 'yes' }, '`search` must be true or false'],
    [{ sites: { obs: 1 } }, '`sites` must be an object of strings'],
    [{ tagVocabulary: { db: 'sql' } }, '`tagVocabulary` must be an object of string lists'],
    [{ defaultTimezone: 5 }, '`defaultTimezone` must be a string or null'],
    [{ defaultTimezone: 'Mars/Olympus' }, '`defaultTimezone` must be an IANA zone'],
    [{ url: 'example.com' }, '`url` must be an absolute http(s) URL'],
    [{ title: ['a'] }, '`title` must be a string'],
  ])('rejects a wrong type: %j', (config, message) => {
    const dir = project(config)
    const error = failure(dir)
    expect(error.message).toContain(path.join(dir, CONFIG_FILE))
    expect(error.message).toContain(message)
  })

  it('rejects a config that is not an object, or not JSON', () => {
    expect(failure(project([1])).message).toContain('the config must be a JSON object')
    expect(failure(project('{ "title": ')).message).toMatch(/cannot parse JSON/)
  })

  it('checks overrides too, naming the command line', () => {
    expect(failure(project(), { pageSize: -1 }).message).toBe('command-line options: `pageSize` must be a positive integer, not -1')
  })

  it('is immune to prototype keys', () => {
    expect(failure(project('{"__proto__": {"x": 1}}')).message).toContain('unknown key `__proto__`')
  })
})

describe('schema/config.schema.json', () => {
  const schema = JSON.parse(readFileSync('schema/config.schema.json', 'utf8')) as { properties: Record<string, { default?: unknown; description?: string }> }
  const validate = new Ajv({ strict: false }).compile(schema)

  it('documents every field with its default and a description', () => {
    const defaults = defaultConfig() as Record<string, unknown>
    expect(Object.keys(schema.properties).filter((k) => k !== '$schema')).toEqual(Object.keys(defaults))
    for (const [key, value] of Object.entries(defaults)) {
      expect(schema.properties[key]?.default, key).toEqual(value)
      expect(schema.properties[key]?.description, key).toBeTruthy()
    }
    expect(validate(defaults)).toBe(true)
  })

  it('agrees with loadConfig on what is valid', () => {
    const cases: unknown[] = [{ pageSize: '5' }, { titel: 'x' }, { sites: { a: 1 } }, { url: 'example.com' }, { search: 1 }]
    for (const config of cases) {
      expect(validate(config), JSON.stringify(config)).toBe(false)
      expect(() => loadConfig(project(config))).toThrow(ConfigError)
    }
    const good = { $schema: './node_modules/hindsight/schema/config.schema.json', title: 'T', url: 'https://x.example', defaultTimezone: null }
    expect(validate(good)).toBe(true)
    expect(loadConfig(project(good)).title).toBe('T')
  })
})

describe('validation against the schema', () => {
  const schema = JSON.parse(readFileSync('schema/config.schema.json', 'utf8')) as { properties: Record<string, Parameters<typeof describeSchema>[0]> }

  it('says in words what each key of the schema must be', () => {
    const words = Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, describeSchema(property)]))
    expect(words).toMatchObject({
      title: 'a string',
      pageSize: 'a positive integer',
      search: 'true or false',
      logo: 'a string or null',
      sites: 'an object of strings',
      tagVocabulary: 'an object of string lists',
    })
  })

  it('rejects a wrong value of every key in one line naming the key, the file and the value', () => {
    for (const key of Object.keys(schema.properties).filter((k) => k !== '$schema')) {
      const dir = project({ [key]: key === 'search' || key === 'drafts' ? 'no' : false })
      const message = failure(dir).message
      expect(message, key).toMatch(new RegExp(`: \`${key}\` must be .+, not (false|"no")$`))
      expect(message).not.toContain('\n')
    }
  })
})

describe('normalizeBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['archive', '/archive/'],
    ['/a/b//', '/a/b/'],
  ])('%j -> %j', (input, output) => {
    expect(normalizeBase(input)).toBe(output)
  })
})

describe('config errors on the command line', () => {
  it('exit 2 with a one-line message naming the key and the file', () => {
    const dir = project({ pagesize: 20 })
    const result = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'check'], { cwd: dir, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('hindsight.config.json: unknown key `pagesize`; did you mean `pageSize`?\n')
  })
})
