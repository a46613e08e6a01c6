/**
 * Chinese and Japanese metadata labels (`**日期**：`, `**严重程度**:`, `**担当者**:`) read as the English field
 * names the field stages know, so a report written in them gets its date, duration, severity and authors.
 */

const NAMES = new Map<string, string>([
  ['日期', 'date'],
  ['故障日期', 'date'],
  ['事故日期', 'date'],
  ['发生日期', 'date'],
  ['發生日期', 'date'],
  ['发生时间', 'start'],
  ['發生時間', 'start'],
  ['开始时间', 'start'],
  ['開始時間', 'start'],
  ['结束时间', 'end'],
  ['結束時間', 'end'],
  ['恢复时间', 'resolved'],
  ['恢復時間', 'resolved'],
  ['持续时间', 'duration'],
  ['持續時間', 'duration'],
  ['故障时长', 'duration'],
  ['影响时长', 'duration'],
  ['严重程度', 'severity'],
  ['嚴重程度', 'severity'],
  ['级别', 'severity'],
  ['故障级别', 'severity'],
  ['作者', 'authors'],
  ['负责人', 'owner'],
  ['負責人', 'owner'],
  ['日付', 'date'],
  ['発生日', 'date'],
  ['発生日時', 'start'],
  ['発生時刻', 'start'],
  ['復旧日時', 'resolved'],
  ['復旧時刻', 'resolved'],
  ['影響時間', 'duration'],
  ['重要度', 'severity'],
  ['深刻度', 'severity'],
  ['作成者', 'authors'],
  ['担当者', 'owner'],
])

/** The English field name a Chinese or Japanese label stands for, or null when it is none of them. */
export function cjkFieldName(label: string): string | null {
  const key = label.replace(/[\s:：*_`]/g, '')
  return key.length <= 6 ? (NAMES.get(key) ?? null) : null
}
