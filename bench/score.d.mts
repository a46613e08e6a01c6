/** Types of bench/score.mjs: the label scorer shared by `npm run eval` and the label tests. */
import type { PostmortemRecord } from '../src/types.js'

export type LabelSet = 'seeds' | 'corpus' | 'corpus-2'
export type Field =
  'title' | 'incidentDate' | 'timelineEvents' | 'firstEvent' | 'lastEvent' | 'actionItems' | 'timezone' | 'impactStart' | 'impactEnd' | 'durationMinutes'
export interface LabelRow {
  id: string
  path: string
  labels: Record<Field, string>
}
export interface Cell {
  label: string
  got: string
  ok: boolean
}
export interface RecordScore {
  id: string
  cells: Partial<Record<Field, Cell>>
  coreRight: boolean
}
export interface Tally {
  right: number
  scored: number
}
export interface Summary {
  documents: number
  coreRight: number
  fields: Record<Field, Tally>
  window: Tally
  misses: string[]
}

export const SHARED: string
export const SETS: LabelSet[]
export const CORE_FIELDS: Field[]
export const WINDOW_FIELDS: Field[]
export const FIELDS: Field[]
export function readRows(set: LabelSet): LabelRow[]
export function rowFile(set: LabelSet, row: LabelRow): { file: string; source: string }
export function scoreCell(field: Field, label: string, record: PostmortemRecord): boolean | null
export function scoreRecord(row: LabelRow, record: PostmortemRecord): RecordScore
export function summarize(scores: RecordScore[]): Summary
