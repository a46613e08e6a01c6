/** Types of bench/payload.mjs: the search payload measured in headless Chromium (bench and browser tests only). */

/** Bytes a reader downloads for search, measured in Chromium against the built site. */
export interface SearchPayload {
  /** Everything fetched from opening `/search/` to the first query's results (page, library, index chunks, fragments). */
  firstQueryBytes: number
  /** Everything fetched for the follow-up query that adds the filters. */
  filteredQueryBytes: number
  /** Of `firstQueryBytes`, the bytes under `pagefind/` (library, index, filters, fragments). */
  firstQuerySearchBytes: number
  /** The same two steps over a host that gzips text (HTML, CSS, JS, JSON); Pagefind's index files are gzipped already. */
  firstQueryGzipBytes: number
  filteredQueryGzipBytes: number
  /** Results shown for the first and the filtered query. */
  firstQueryResults: string
  filteredQueryResults: string
  /** Every response of both steps: site-relative path and body bytes. */
  requests: Array<{ step: 'first' | 'filtered'; path: string; bytes: number; gzipBytes: number }>
}

/** Options for the measurement; the defaults match the browser tests. */
export interface PayloadOptions {
  chromiumPath?: string
  timeoutMs?: number
}

/** Serves `siteDir` under `base`, opens `/search/` in headless Chromium, types `query`, ticks the `filters`, and sums what each step fetched. */
export function measureSearchPayload(
  siteDir: string,
  base: string,
  query: string,
  filters: Record<string, string[]>,
  options?: PayloadOptions,
): Promise<SearchPayload>
