import { describe, expect, it } from 'vitest'
import { endScore, startScore } from '../src/normalize/impact/marked-events.js'
import { proseOf } from '../src/normalize/summary/language.js'
import { parseMarkdown } from '../src/markdown/parse.js'

/** Shortcuts taken for the normalizer's cost give what the full reading gives. */
describe('marked-event scores', () => {
  it('is the heaviest matching stem whatever order the stems match in', () => {
    // "errors" is a weight-1 start stem, "went down" a weight-3 one; "restored" weight 3 and "normal" weight 1 for the end.
    expect(startScore('errors everywhere, then the site went down')).toBe(3)
    expect(endScore('normal traffic again, service restored')).toBe(3)
  })

  it('answers the same for a text read again, after many other texts', () => {
    const text = 'The API is unreachable for most users'
    const first = startScore(text)
    for (let i = 0; i < 2000; i++) startScore(`event ${i} errors begin`)
    expect(startScore(text)).toBe(first)
    expect(first).toBe(2)
  })
})

describe('language sample prose', () => {
  it('drops links and e-mail addresses, and keeps a text without them', () => {
    const tree = parseMarkdown('Mail ops@example.com or see https://status.example.com and www.example.org now.\n\nPlain words stay.')
    expect(proseOf(tree.children)).toBe('Mail or see and now. Plain words stay.')
    expect(proseOf(parseMarkdown('No links: a b `code` c.').children)).toBe('No links: a b code c.')
  })
})
