/**
 * A line that stamps the report itself (`Timestamp: 2026-02-10T12:48:45+09:00`, `Last updated: …`, `Generated: …`,
 * `Report date: …`, `タイムスタンプ: …`): when the document was written or exported, metadata and not an event.
 */
import { readStamp } from './timeline-stamp.js'

/**
 * Labels of the report's own stamp, in lower case, markup removed; "Posted"/"Updated" are not (a status update's
 * stamp), nor "Created" (a ticket's creation may be an event).
 */
const LABELS = new Set([
  'timestamp',
  'time stamp',
  'last updated',
  'last update',
  'last modified',
  'last edited',
  'generated',
  'generated at',
  'generated on',
  'report generated',
  'report date',
  'report time',
  'date of report',
  'document date',
  'written',
  'written on',
  'compiled',
  'compiled on',
  'exported',
  'exported at',
  'exported on',
  'as of',
  'revision date',
  'zeitstempel',
  'stand',
  'zuletzt aktualisiert',
  'letzte aktualisierung',
  'berichtsdatum',
  'generiert',
  'generiert am',
  'horodatage',
  'dernière mise à jour',
  'mis à jour le',
  'date du rapport',
  'généré le',
  'rédigé le',
  'marca de tiempo',
  'última actualización',
  'fecha del informe',
  'generado',
  'generado el',
  'redactado',
  'タイムスタンプ',
  '作成日',
  '作成日時',
  '更新日',
  '更新日時',
  '最終更新',
  '最終更新日',
  '最終更新日時',
  '報告日',
  '報告日時',
  '出力日時',
  '生成日時',
  '时间戳',
  '時間戳',
  '生成时间',
  '更新时间',
  '最后更新',
  '报告日期',
  '报告时间',
])

/** A label, then a colon (ASCII or full-width) and the value; the label holds no digit. */
const LABELLED = /^[\s*_>#-]{0,6}([^\d:：*_]{1,30}?)[*_]{0,2}\s*[:：][*_]{0,2}\s*(\S.{0,120})$/u
/** What may stand beside the stamp in its value: a zone abbreviation, UTC/GMT, a weekday, brackets and marks. */
const STAMP_WORDS = /\b(?:utc|gmt|[A-Z]{2,4}T|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?)\b/gi

/** `true` when the line is a label naming the report's own stamp followed by nothing but a date or time. */
export function isDocumentStamp(line: string): boolean {
  const m = LABELLED.exec(line.trim())
  if (!m || !LABELS.has(m[1]!.trim().toLowerCase())) return false
  const value = m[2]!.replace(/[*_`]/g, '').trim()
  const stamp = readStamp(value, {})
  if (!stamp || (!stamp.time && !stamp.date) || stamp.invalidTime) return false
  return !/\p{L}{2,}/u.test(stamp.rest.replace(STAMP_WORDS, ' '))
}
