import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_TAG_VOCABULARY } from '../../src/config.js'
import { loadDocument } from '../../src/document.js'
import type { PostmortemRecord } from '../../src/types.js'

/** The shared data folder beside the project (seeds and corpus); tests skip when it is absent. */
export const SHARED = path.resolve(import.meta.dirname, '../../../shared')

/** One labelled row of an `index.tsv`. */
export interface LabelRow {
  id: string
  path: string
  title: string
  incidentDate: string
  timelineEvents: number
  timezone: string
  actionItems: number
}

/** Reads `index.tsv` of a shared folder; empty when the folder is missing. */
export function readLabels(folder: 'seeds' | 'corpus'): LabelRow[] {
  const file = path.join(SHARED, folder, 'index.tsv')
  if (!existsSync(file)) return []
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n')
  const columns = (header ?? '').split('\t')
  return lines.map((line) => {
    const cells = line.split('\t')
    const get = (name: string): string => cells[columns.indexOf(name)] ?? ''
    return {
      id: get('id'),
      path: get('path'),
      title: get('title'),
      incidentDate: get('incident_date'),
      timelineEvents: Number(get('timeline_events')),
      timezone: get('timezone'),
      actionItems: Number(get('action_items')),
    }
  })
}

/** Normalizes a shared file the way the build does; `source` is the original file name (its date prefix counts). */
export function loadShared(folder: 'seeds' | 'corpus', row: LabelRow): PostmortemRecord {
  const file = folder === 'seeds' ? row.path : `${row.id}.md`
  const source = path.basename(row.path || file)
  const loaded = loadDocument(source, readFileSync(path.join(SHARED, folder, file)), { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
  if (!loaded.document) throw new Error(`${folder}/${file} did not load`)
  return loaded.document.record
}

/** The labelled columns as the record gives them (`[no title]` and '' for nulls, as in the labels). */
export function asLabels(record: PostmortemRecord): Omit<LabelRow, 'id' | 'path'> {
  return {
    title: record.title ?? '[no title]',
    incidentDate: record.date ?? '',
    timelineEvents: record.timeline.length,
    timezone: record.timezone ?? '',
    actionItems: record.actionItems.length,
  }
}
