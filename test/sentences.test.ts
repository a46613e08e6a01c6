import { describe, expect, it, vi } from 'vitest'
import { firstSentence, sentencesOf, splitSentences } from '../src/normalize/summary/sentences.js'
import { oneLine } from '../src/site/format.js'

describe('sentence splitting', () => {
  it.each([
    ['On 3. August, the database failed. We restored it.', ['On 3. August, the database failed.', 'We restored it.']],
    ['Mr. Smith was paged. He answered.', ['Mr. Smith was paged.', 'He answered.']],
    ['Some caches, e.g. the session cache, were cold. Logins failed.', ['Some caches, e.g. the session cache, were cold.', 'Logins failed.']],
    ['It took approx. 20 minutes. Then it recovered.', ['It took approx. 20 minutes.', 'Then it recovered.']],
    ['We upgraded to v1.2 today. It broke.', ['We upgraded to v1.2 today.', 'It broke.']],
    ['J. R. Doe fixed it. Thanks!', ['J. R. Doe fixed it.', 'Thanks!']],
    ['The site was down. Users saw errors? Yes.', ['The site was down.', 'Users saw errors?', 'Yes.']],
    // a unit or time-of-day abbreviation may end a sentence: it joins only what goes on in lower case, a digit or a zone
    ['The outage lasted 2 hrs. and 10 min. Users noticed.', ['The outage lasted 2 hrs. and 10 min.', 'Users noticed.']],
    ['Errors began at 9 a.m. Users complained.', ['Errors began at 9 a.m.', 'Users complained.']],
    ['Errors began at 9 a.m. UTC and stopped at noon. Then we slept.', ['Errors began at 9 a.m. UTC and stopped at noon.', 'Then we slept.']],
    ['Logs, tokens, keys etc. Everything leaked.', ['Logs, tokens, keys etc.', 'Everything leaked.']],
    ['Traffic from the U.S. was dropped. We fixed it.', ['Traffic from the U.S. was dropped.', 'We fixed it.']],
  ])('%s', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences)
  })

  it('splits German with its own abbreviations', () => {
    expect(splitSentences('Am 3. August fiel der Dienst aus, z. B. das Login. Danach lief alles.', 'de')).toEqual([
      'Am 3. August fiel der Dienst aus, z. B. das Login.',
      'Danach lief alles.',
    ])
  })

  it('splits Japanese at the full stop', () => {
    expect(splitSentences('アプリが起動できなくなった。原因は設定の誤りである。', 'ja')).toEqual(['アプリが起動できなくなった。', '原因は設定の誤りである。'])
  })

  it('gives the same sentences one at a time, reading no further than the sentence after the last one taken', () => {
    const text = 'On 3. August, the database failed. Mr. Smith was paged. It took approx. 20 minutes. Then it recovered. '.repeat(50)
    const sentences = sentencesOf(text)
    expect([sentences.next().value, sentences.next().value]).toEqual(splitSentences(text).slice(0, 2))
    expect([...sentencesOf(text)]).toEqual(splitSentences(text))
    expect([...sentencesOf('')]).toEqual([])
  })

  it('gives the first sentence alone as splitSentences does, segmenting no further than the sentence after it', () => {
    const texts = [
      'On 3. August, the database failed. We restored it.',
      'J. R. Doe fixed it. Thanks!',
      'Am 3. August fiel der Dienst aus, z. B. das Login. Danach lief alles.',
      'アプリが起動できなくなった。原因は設定の誤りである。',
      'No full stop at all',
      '   ',
      '',
    ]
    for (const text of texts) for (const language of [null, 'de', 'ja']) expect(firstSentence(text, language)).toBe(splitSentences(text, language)[0])
    const segment = Intl.Segmenter.prototype.segment
    let pulled = 0
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
      const segments = segment.call(this, text)
      return {
        *[Symbol.iterator]() {
          for (const s of segments) {
            pulled++
            yield s
          }
        },
      } as unknown as Intl.Segments
    })
    try {
      const long = 'The database failed. Mr. Smith was paged. It took approx. 20 minutes. Then it recovered. '.repeat(20)
      expect(firstSentence(long)).toBe('The database failed.')
      expect(pulled).toBeLessThanOrEqual(2)
      pulled = 0
      expect(oneLine(long)).toBe('The database failed.')
      expect(pulled).toBeLessThanOrEqual(2)
    } finally {
      spy.mockRestore()
    }
  })
})
