/**
 * Chat-log lines in a timeline (an IRC log `[10:02] <alice> text`, a Slack copy `alice [10:02 AM]: text` or a
 * `alice  10:02 AM` header over the message): the stamp read, the nick dropped, so the event text is the message.
 */
import type { DateHints } from '../time/datetime.js'
import { cleanEventText } from '../time/event-text.js'
import { MARKUP_TAGS } from './timeline-lines.js'
import { readStamp, type Stamp } from './timeline-stamp.js'

/** An IRC nick after the stamp (`<alice>`, `< bob>`, `<@op>`), never an HTML element's tag (`<script>`, `<b>`, `<img …>`). */
const IRC_NICK = new RegExp(String.raw`^<\s?(?!(?:${MARKUP_TAGS}|pre|script|style|svg|iframe)>)[^<>\s]{1,30}>\s*`, 'i')
/** A chat name before the stamp: one or two name-like words, then a bracketed time or a Slack header's two spaces. */
const NAME_FIRST = /^([\p{L}@][\p{L}\p{N}._-]{0,30}(?: [\p{L}][\p{L}\p{N}._-]{0,30})?)(?:\s?(?=\[\d)|\s{2,4}(?=\d))/u
/** A Slack header's time: a 12-hour clock, nothing after it. */
const TWELVE_HOUR = /\d\s?[AaPp]\.?[Mm]\.?$/

/** The stamp of a chat-log line with the nick out of its text (`read`: the line's own stamp, already read), or null. */
export function readChatLine(line: string, read: Stamp | null, hints: DateHints): Stamp | null {
  if (read) {
    const nick = read.time ? IRC_NICK.exec(read.rest) : null
    return nick ? { ...read, rest: cleanEventText(read.rest.slice(nick[0].length)) } : null
  }
  const name = NAME_FIRST.exec(line)
  if (!name) return null
  const after = line.slice(name[0].length)
  const stamp = readStamp(after, hints)
  if (!stamp?.time || stamp.date) return null
  const bracketed = after.startsWith('[')
  return bracketed || (stamp.rest === '' && TWELVE_HOUR.test(after.trim())) ? stamp : null
}
