// Search page: Pagefind's JS API behind a small UI; query, filters and order live in the URL.
const form = document.getElementById('search')
const FACETS = [
  ['tag', 'Tag'],
  ['site', 'Site'],
  ['year', 'Year'],
  ['severity', 'Severity'],
  ['cause', 'Cause'],
]
const PAGE = 10
const SHOWN_VALUES = 12

const $ = (id) => document.getElementById(id)
const input = $('search-q')
const sortSelect = $('search-sort')
const filtersBox = $('search-filters')
const status = $('search-status')
const list = $('search-results')
const more = $('search-more')
const clear = $('search-clear')

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v
    else if (k in node && typeof v !== 'string') node[k] = v
    else node.setAttribute(k, v)
  }
  node.append(...children.filter((c) => c !== null && c !== undefined))
  return node
}

/** Reads the state from a URL: `q`, one parameter per selected filter value, and `sort`. */
function readState(href) {
  const params = new URL(href).searchParams
  const filters = {}
  for (const [key] of FACETS) {
    const values = params.getAll(key).filter(Boolean)
    if (values.length) filters[key] = [...new Set(values)]
  }
  const sort = ['newest', 'oldest'].includes(params.get('sort')) ? params.get('sort') : ''
  return { q: (params.get('q') ?? '').trim(), filters, sort }
}

function stateUrl(state) {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  for (const [key] of FACETS) for (const v of state.filters[key] ?? []) params.append(key, v)
  if (state.sort) params.set('sort', state.sort)
  const query = params.toString()
  return location.pathname + (query ? `?${query}` : '')
}

/** Copies Pagefind's excerpt as text, keeping only its `<mark>` highlights: nothing from the index becomes markup. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const out = []
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') out.push(el('mark', {}, node.textContent))
    else out.push(document.createTextNode(node.textContent))
  }
  return out
}

function resultItem(data) {
  const meta = data.meta ?? {}
  const line = el('p', { class: 'meta' })
  if (meta.date) line.append(el('time', { datetime: meta.date }, meta.date))
  else line.append(el('span', {}, 'Date unknown'))
  if (meta.site) line.append(` · ${meta.site}`)
  const tags = data.filters?.tag ?? []
  const suggested = new Set((meta.suggestedTags ?? '').split(', ').filter(Boolean))
  const tagItem = (t) =>
    suggested.has(t)
      ? el('li', { class: 'derived' }, el('span', {}, t, el('span', { class: 'suggested-mark' }, ' (suggested)')))
      : el('li', {}, el('span', {}, t))
  const excerpt = el('p', { class: 'summary' }, ...(state.q || !meta.summary ? excerptNodes(data.excerpt ?? '') : [meta.summary]))
  return el(
    'li',
    { class: 'entry' },
    // Result URLs are site paths written by the build; anything else is not linked.
    el('h2', {}, data.url?.startsWith('/') && !data.url.startsWith('//') ? el('a', { href: data.url }, meta.title ?? data.url) : (meta.title ?? '')),
    line,
    excerpt,
    tags.length ? el('ul', { class: 'tags', 'aria-label': 'Tags' }, ...tags.map(tagItem)) : null,
  )
}

function facetInput(key, label, value, count, checked) {
  const id = `f-${key}-${value}`.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0).toString(16)}_`)
  const box = el('input', { type: 'checkbox', id, name: key, value, checked })
  box.addEventListener('change', () => {
    const values = new Set(state.filters[key] ?? [])
    if (box.checked) values.add(value)
    else values.delete(value)
    const filters = { ...state.filters, [key]: [...values] }
    if (!values.size) delete filters[key]
    go({ ...state, filters }, 'push')
  })
  return el('li', {}, box, ' ', el('label', { for: id }, value, ' ', el('span', { class: 'count' }, `(${count})`)))
}

function facetValues(key, label, counts) {
  const selected = new Set(state.filters[key] ?? [])
  const entries = Object.entries(counts ?? {}).filter(([v, n]) => n > 0 || selected.has(v))
  for (const v of selected) if (!entries.some(([e]) => e === v)) entries.push([v, 0])
  if (!entries.length) return [el('p', { class: 'facet-empty' }, `No ${label.toLowerCase()} among these results.`)]
  // Years newest first (undated last, as on the /years/ page); other values by count, then name.
  const yearRank = (v) => (/^\d{4}$/.test(v) ? -Number(v) : 0)
  entries.sort(key === 'year' ? (a, b) => yearRank(a[0]) - yearRank(b[0]) : (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const items = entries.map(([v, n]) => facetInput(key, label, v, n, selected.has(v)))
  const rest = items.slice(SHOWN_VALUES)
  return [
    el('ul', { 'aria-label': label }, ...items.slice(0, SHOWN_VALUES)),
    rest.length
      ? el(
          'details',
          { class: 'facet-more' },
          el('summary', {}, `${rest.length} more`),
          el('ul', { 'aria-label': `More ${label.toLowerCase()} values` }, ...rest),
        )
      : null,
  ]
}

// One disclosure per filter; Pagefind downloads a filter's index only when its disclosure is opened (or the filter is
// in use), which keeps a reader's first query small in a large archive.
function renderFacets(counts) {
  const focused = filtersBox.contains(document.activeElement) ? document.activeElement.id : ''
  const moreOpen = new Set([...filtersBox.querySelectorAll('.facet-more[open]')].map((d) => d.closest('.facet').dataset.key))
  const boxes = FACETS.map(([key, label]) => {
    const body = !openKeys.has(key) ? [] : counts[key] ? facetValues(key, label, counts[key]) : [el('p', { class: 'facet-empty' }, 'Loading…')]
    const box = el('details', { class: `facet facet-${key}`, 'data-key': key, open: openKeys.has(key) }, el('summary', { id: `facet-${key}` }, label), ...body)
    const more = box.querySelector('.facet-more')
    if (more && moreOpen.has(key)) more.open = true
    box.addEventListener('toggle', () => {
      if (box.open === openKeys.has(key)) return
      if (box.open) openKeys.add(key)
      else openKeys.delete(key)
      if (box.open) run().catch(fail)
    })
    return box
  })
  filtersBox.replaceChildren(...boxes)
  clear.hidden = Object.keys(state.filters).length === 0
  // Re-rendering must not drop keyboard focus from the control the reader just used.
  if (focused) document.getElementById(focused)?.focus()
}

/**
 * Values ticked within one filter are alternatives (any of them), filters are combined with AND; an open filter with
 * nothing ticked is passed empty so Pagefind loads its index and counts its values without narrowing the results.
 */
function pagefindFilters(chosen, countOnly = null) {
  const filters = {}
  for (const key of openKeys) filters[key] = key !== countOnly && chosen[key]?.length ? { any: chosen[key] } : []
  return filters
}

/** Pagefind's inverse document frequency (BM25) of a word found on `n` of `total` pages. */
const idf = (total, n) => Math.log(1 + (total - n + 0.5) / (n + 0.5))

/**
 * One word of a query searched alone, once per page load: on how many base pages (all, and those not superseded) and
 * delta pages it is, and each delta page's score for it rescaled from the delta's statistics to the base's, so a
 * changed postmortem ranks about where a full index would rank it (a word's weight depends on how many pages of its
 * own index have it, and the delta is small).
 */
const words = new Map()
function wordInIndexes(word) {
  if (!words.has(word)) {
    words.set(
      word,
      pagefind.search(word).then((search) => {
        const mine = []
        let base = 0
        let live = 0
        for (const result of search?.results ?? []) {
          if (delta.pages.has(result.id)) mine.push(result)
          else {
            base++
            if (!delta.superseded.has(result.id)) live++
          }
        }
        const scale = idf(delta.total, base) / idf(delta.pages.size, mine.length)
        return { base, live, delta: mine.length, scores: new Map(mine.map((r) => [r.id, r.score * scale])) }
      }),
    )
  }
  return words.get(word)
}

/** Adds (`by` 1) or takes away (-1) a page's filter values from Pagefind's counts. */
function count(counts, filters, by) {
  for (const [key, values] of Object.entries(filters ?? {})) {
    const byValue = Object.hasOwn(counts, key) ? counts[key] : null
    for (const value of values) if (byValue && Object.hasOwn(byValue, value)) byValue[value] = Math.max(0, byValue[value] + by)
  }
}

/**
 * Searches the base index and the delta merged with it (see src/search/delta.ts) and answers as one full index would:
 * - base pages the delta supersedes (edited or deleted since the base was built) are dropped and taken out of the
 *   counts (Pagefind sums the counts of merged indexes);
 * - Pagefind leaves out a word its index does not have, so a word only the delta has would let the base list pages
 *   without it (and the other way round): then that side's results are dropped and the counts made again;
 * - by best match, a delta page's score is rescaled to the base's statistics (a list by date is sorted by `place`).
 */
async function searchIndex(term, options) {
  const search = await pagefind.search(term, options)
  if (!search || (delta.pages.size === 0 && delta.superseded.size === 0)) return search
  const query = delta.pages.size && term && !term.includes('"') ? term.trim().split(/\s+/).filter(Boolean) : []
  const stats = await Promise.all(query.map(wordInIndexes))
  const keepBase = !stats.some((s) => s.delta > 0 && s.base === 0)
  const keepDelta = !stats.some((s) => s.live > 0 && s.delta === 0)
  const counts = search.filters ?? {}
  if (!keepBase) for (const byValue of Object.values(counts)) for (const value of Object.keys(byValue)) byValue[value] = 0
  const results = []
  for (const result of search.results) {
    const page = delta.pages.get(result.id)
    if (page) {
      if (!keepDelta) count(counts, page.filters, -1)
      else {
        if (!keepBase) count(counts, page.filters, 1)
        if (stats.length) result.score = stats.reduce((sum, s) => sum + (s.scores.get(result.id) ?? 0), 0)
        results.push(result)
      }
    } else if (keepBase) {
      const gone = delta.superseded.get(result.id)
      if (gone) count(counts, gone, -1)
      else results.push(result)
    }
  }
  if (stats.length) results.sort((a, b) => b.score - a.score)
  return { ...search, results, filters: counts }
}

/**
 * Each open filter's counts say how many results a value would give if ticked: for a filter with ticked values that
 * is a search with every other filter applied and this one left out (so its values count as alternatives); for a
 * filter with none, the main search's own counts (Pagefind counts a value as the results it would leave if added).
 */
/**
 * A result's place in the archive's order (newest first, then by slug): a base page's id is its place in base 36
 * behind `b` and before `_` and the index's content token (src/search/page-ids.ts; parseInt stops at the `_`), a delta
 * page's place among them is in the delta manifest. The index has no sort key: a list by date is sorted here.
 */
function place(result) {
  const page = delta.pages.get(result.id)
  return page ? page.at : parseInt(result.id.slice(1), 36)
}

function byDate(results, order) {
  const places = new Map(results.map((r) => [r, place(r)]))
  const sign = order === 'oldest' ? -1 : 1
  return results.sort((a, b) => sign * (places.get(a) - places.get(b)))
}

async function facetCounts(main) {
  const counts = { ...(main?.filters ?? {}) }
  await Promise.all(
    [...openKeys]
      .filter((key) => state.filters[key]?.length)
      .map(async (key) => {
        const search = await searchIndex(state.q || null, { filters: pagefindFilters(state.filters, key) })
        counts[key] = search?.filters?.[key] ?? {}
      }),
  )
  return counts
}

let pagefind
/** The base's page count, the delta index's pages (place in the base's order by date, filter values) and the base pages it supersedes (filter values). */
let delta = { total: 0, pages: new Map(), superseded: new Map() }
let state = readState(location.href)
const openKeys = new Set()
let results = []
let shownCount = 0
let generation = 0

async function showMore() {
  const mine = generation
  const slice = results.slice(shownCount, shownCount + PAGE)
  const data = await Promise.all(slice.map((r) => r.data()))
  if (mine !== generation) return
  list.append(...data.map(resultItem))
  shownCount += slice.length
  more.hidden = shownCount >= results.length
}

function describe(count) {
  const words = state.q ? ` for “${state.q}”` : ''
  const chosen = Object.entries(state.filters).map(([k, vs]) => `${k} ${vs.join(' or ')}`)
  const filtered = chosen.length ? ` with ${chosen.join(', ')}` : ''
  return `${count === 0 ? 'No' : count} postmortem${count === 1 ? '' : 's'}${words}${filtered}.`
}

async function run() {
  if (!pagefind) return // start() runs the latest state once Pagefind has loaded
  const mine = ++generation
  for (const key of Object.keys(state.filters)) openKeys.add(key)
  const browsing = Boolean(state.q || Object.keys(state.filters).length || state.sort)
  const hint = 'Type words to search, or open a filter to browse.'
  if (!browsing && !openKeys.size) {
    renderFacets({})
    list.replaceChildren()
    results = []
    more.hidden = true
    status.textContent = hint
    return
  }
  const order = state.sort || (state.q ? '' : 'newest')
  const search = await searchIndex(state.q || null, { filters: pagefindFilters(state.filters) })
  if (mine !== generation || !search) return
  if (order) byDate(search.results, order)
  const counts = await facetCounts(search)
  if (mine !== generation) return
  renderFacets(counts)
  shownCount = 0
  list.replaceChildren()
  results = browsing ? search.results : []
  more.hidden = true
  if (!browsing) {
    status.textContent = hint
    return
  }
  await showMore()
  if (mine !== generation) return
  status.textContent = describe(results.length)
}

// Typing pushes one history entry per burst of typing, then replaces it, so back skips keystrokes.
let typedLast = false
function go(next, how, typed = false) {
  state = next
  const href = stateUrl(state)
  if (href !== location.pathname + location.search) {
    if (how === 'push') history.pushState(null, '', href)
    else history.replaceState(null, '', href)
  }
  typedLast = typed
  const header = document.getElementById('site-search')
  if (header && document.activeElement !== header) header.value = state.q
  run().catch(fail)
}

function fail(error) {
  console.error(error)
  status.textContent = 'Search could not load. Browse by tag, site or year instead.'
  $('search-nojs').hidden = false
}

let typing
input.addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(() => go({ ...state, q: input.value.trim() }, typedLast ? 'replace' : 'push', true), 250)
})
form.addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(typing)
  go({ ...state, q: input.value.trim() }, 'push')
})
sortSelect.addEventListener('change', () => go({ ...state, sort: sortSelect.value }, 'push'))
more.addEventListener('click', () => showMore().catch(fail))
clear.addEventListener('click', () => {
  go({ ...state, filters: {} }, 'push')
  input.focus()
})
window.addEventListener('popstate', () => {
  state = readState(location.href)
  typedLast = false
  syncControls()
  run().catch(fail)
})

// Shows the state in the form controls; not while typing, so the reader's own spaces are never trimmed away.
function syncControls() {
  input.value = state.q
  sortSelect.value = state.sort
  const header = document.getElementById('site-search')
  if (header) header.value = state.q
}

/** The delta manifest the build writes beside the index (none from an older build: the base alone). */
async function readDelta(href) {
  const response = await fetch(href, { cache: 'no-cache' })
  return response.ok ? response.json() : {}
}

async function start() {
  const bundle = new URL(form.dataset.pagefind, location.href)
  const [loaded, manifest] = await Promise.all([import(form.dataset.pagefind), readDelta(new URL('delta.json', bundle))])
  // On the page rather than in Pagefind's worker: the worker script alone is 43 kB of a reader's first query.
  const options = { baseUrl: '/', excerptLength: 30 }
  await loaded.options({ ...options, noWorker: true })
  if (manifest.delta) await loaded.mergeIndex(new URL(manifest.delta, bundle).pathname, options)
  delta = {
    total: manifest.total ?? 0,
    pages: new Map((manifest.pages ?? []).map((p) => [p.id, p])),
    superseded: new Map((manifest.superseded ?? []).map((p) => [p.id, p.filters])),
  }
  pagefind = loaded
  $('search-nojs').hidden = true
  form.querySelector('.search-sort').hidden = false
  // Words typed while the page was still loading count as the query.
  const typed = input.value.trim()
  if (typed && typed !== state.q) return go({ ...state, q: typed }, 'push', true)
  syncControls()
  await run()
}

start().catch(fail)
