/**
 * Timeline wording that marks each phase, in English, German, French and Japanese; case-insensitive, whole words
 * where words have edges (Japanese has none, so its words match anywhere: `\b` never falls between two kana); a status
 * log's phase label opening an update ("Investigating - …", "Monitoring - …") is the phase too.
 */
export const PHASE_WORDING = {
  detected:
    /^\W{0,3}investigating\W{0,3}[-–—:]|\b(detect(ed|s)?|alert(ed|s)?|alarms?|notifi(ed|cation)|paged|pager|reported|reporting|(?<!\b(?:this|incident|post-?mortem)\s)reports?\b|noticed|(?<!\b(?:a|the|this|maintenance|status|public|deprecation)\s)notic(?:e|es|ing)\b|spotted|discovered|realized|realised|(?:became|becomes?|becoming) aware|learn(ed|t)? (about|of|that)|found out|first report|ticket (opened|filed|raised)|opened a ticket|incident (was )?(declared|opened|created)|declared (an? |the )?(incident|outage|sev)|(?:receiv(?:e|es|ed|ing)|got|gets) (?:an? |the |several |multiple |first )?(?:e-?mails?|messages?|(?:phone )?calls?|DMs?)\b|customer (support )?(tickets?|complaints?)|(?:customers?|users?|clients?) (?:e-?mail(?:s|ed)?|call(?:s|ed)?|contact(?:s|ed)?|messag(?:es|ed)|wr(?:ote|ites)(?: to)?) (?:support|us|the (?:support|help) ?desk|our (?:support|help) ?desk)|support tickets?|complain(ed|ts?|ing))|\b(bemerkt|gemeldet|meldung(en)?|alarmiert|signalé|signalement|détecté|detectad[oa]s?|notificad[oa]s?|reportad[oa]s?|alertad[oa]s?)|検知|発覚|アラート|発報|気づ|通報/i,
  mitigated:
    /^\W{0,3}monitoring\W{0,3}[-–—:]|\b(?:mitigat(?:ed|ion)|rolled back|rolling back|roll(?:ed)?-?back|reverted|workaround|zurückgerollt|zurückgesetzt|umgangen|contourn\p{L}*|annul\p{L}*|mitigad[oa]s?|revertid[oa]s?|mitigaç\p{L}*|mitigación)(?!\p{L})|切り戻|元に戻|ロールバック|暫定対応|暫定対処/iu,
  resolved:
    /\b(?:resolved|back online|restored|recovered|fully operational|operational again|(?<!\bnever\b[^.]{0,20})back to normal|working again|works? again|all[- ]clear|(?<!\b(?:sure|ensure|check|verify|confirm|whether|if)\s(?:that\s)?)everything (?:seems|looks|is|was) (?:fine|ok(?:ay)?|normal|good)|(?:issue|problem) (?:is |was |has been )?(?:fixed|closed)|behoben|wiederhergestellt|läuft wieder|funktioniert wieder|résolu|rétabli|restauré|resuelt[oa]|resolvid[oa]|restablecid[oa]|restaurad[oa]|normalizad[oa])(?!\p{L})|復旧|解消|収束/iu,
} as const

export type PhaseName = keyof typeof PHASE_WORDING

/**
 * Words just before a phase word that make it a plan, a doubt or a denial rather than the phase itself ("in case a
 * rollback is needed", "prepared to roll back", "no alerts fired", "could not restore"); English only, and only the
 * few words right before it, so a later plain mention in the same text still counts.
 */
const HEDGED_BEFORE =
  /\b(?:in case(?: of)?|if|whether|prepar(?:e|es|ed|ing)|consider(?:s|ed|ing)?|plan(?:s|ned|ning)?|decid(?:e|es|ed|ing)(?: not)?|could(?:n't| not)|can(?:'t|not)|unable|not|no|never|without|discuss(?:es|ed|ing)?|options?|ready|instead of|attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|want(?:s|ed)?|would|should|will|might|may|need(?:s|ed)?|for)(?:\s+(?:a|an|the|to|for|be|been|is|was|we|it|any|do|perform|initiate|start))*\s+$/i

/** Each phase's wording as a global expression, built once, to step through every match of one text. */
const EVERY_MATCH: Record<PhaseName, RegExp> = {
  detected: new RegExp(PHASE_WORDING.detected.source, PHASE_WORDING.detected.flags + 'g'),
  mitigated: new RegExp(PHASE_WORDING.mitigated.source, PHASE_WORDING.mitigated.flags + 'g'),
  resolved: new RegExp(PHASE_WORDING.resolved.source, PHASE_WORDING.resolved.flags + 'g'),
}

/** Whether `text` names the phase `name`: a phase word that is not hedged by the few words before it (see `HEDGED_BEFORE`). */
export function namesPhase(name: PhaseName, text: string): boolean {
  const every = EVERY_MATCH[name]
  every.lastIndex = 0
  for (let match = every.exec(text); match; match = every.exec(text)) {
    if (!HEDGED_BEFORE.test(text.slice(Math.max(0, match.index - 48), match.index))) return true
  }
  return false
}
