import type { FileDiagnostics } from '../report/format.js'

/** What `/__hindsight/diagnostics` answers and the `diagnostics` event carries: files whose last save failed. */
export interface DiagnosticsPayload {
  problems: FileDiagnostics[]
}

/** Styles of the in-page overlay, served as `/__hindsight/overlay.css` because the pages' CSP forbids inline styles. */
export const OVERLAY_CSS = `.hindsight-overlay{position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;
background:#1d1f21;color:#f8f8f2;border-left:6px solid #e06c75;border-radius:6px;padding:1rem 1.25rem;
font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 8px 30px rgba(0,0,0,.4)}
.hindsight-overlay h2{font-size:15px;margin:0 0 .5rem;color:#e06c75}
.hindsight-overlay ul{list-style:none;margin:0;padding:0}
.hindsight-overlay li{margin:.25rem 0;white-space:pre-wrap;word-break:break-word}
.hindsight-overlay .error{color:#e06c75}.hindsight-overlay .warning{color:#e5c07b}.hindsight-overlay .info{color:#61afef}
.hindsight-overlay button{position:absolute;top:.5rem;right:.75rem;background:none;border:0;color:inherit;font-size:18px;cursor:pointer}
`
