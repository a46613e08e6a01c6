/** Site URLs (`site/paths.ts` `url`): the base path joined to a site-relative path, a leading slash and `index.html` dropped. */
import { describe, expect, it } from 'vitest'
import { url } from '../src/site/paths.js'

describe('url', () => {
  it('joins plain paths as they are, and drops a leading slash and a final index.html', () => {
    expect(url('/', 'tags/dns/')).toBe('/tags/dns/')
    expect(url('/docs/', 'feed.xml')).toBe('/docs/feed.xml')
    expect(url('/', '')).toBe('/')
    expect(url('/', 'index.html')).toBe('/')
    expect(url('/b/', 'page/2/index.html')).toBe('/b/page/2/')
    expect(url('/b/', '//x/index.html')).toBe('/b/x/')
    expect(url('/b/', '/x/y.json')).toBe('/b/x/y.json')
    expect(url('/', 'notindex.html')).toBe('/notindex.html')
  })
})
