/**
 * A postmortem's line on the list pages (src/site/listing-key.ts `entryOf`): a postmortem is listed on about ten
 * pages, and its one-line summary runs the sentence splitter, so the line is worked out once per record.
 */
import { describe, expect, it, vi } from 'vitest'
import { entryOf } from '../src/site/listing-key.js'
import { loadDocument } from '../src/document.js'
import { seedFiles } from './build-helpers.js'

const splits = vi.hoisted(() => ({ count: 0 }))
vi.mock('../src/normalize/summary/sentences.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/normalize/summary/sentences.js')>()
  return {
    ...actual,
    firstSentence: (...args: Parameters<typeof actual.firstSentence>) => {
      splits.count++
      return actual.firstSentence(...args)
    },
  }
})

const options = { defaultTimezone: null, tagVocabulary: {} }

describe('a postmortem line on the list pages', () => {
  it('is worked out once per record, each caller getting a copy of its own', () => {
    const [source, text] = seedFiles()[0]!
    const record = loadDocument(source, Buffer.from(text), options).document!.record
    expect(record.summary).toBeTruthy()
    splits.count = 0
    const first = entryOf(record)
    expect(splits.count).toBe(1)
    for (let page = 0; page < 9; page++) expect(entryOf(record)).toEqual(first)
    expect(splits.count).toBe(1)
    // A template that changes the line it was handed changes no other page's.
    first.title = 'changed by a template'
    expect(entryOf(record).title).not.toBe('changed by a template')
  })
})
