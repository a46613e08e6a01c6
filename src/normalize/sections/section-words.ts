/**
 * The words that tell a section's meaning, with a weight per canonical key: English stems (from the public
 * postmortem templates: Google SRE, PagerDuty, Atlassian), German, French, Spanish, Portuguese and Italian words, and
 * Japanese and Chinese terms (matched inside a run of CJK text, which has no spaces). Words that carry no meaning of their own are fillers.
 */
import type { CanonicalSectionKey } from '../../types.js'

/** Headings that announce a summary by name ("Summary", "Overview", "TL;DR"), not a narrative or the background. */
export const SUMMARY_WORD = /summary|summery|overview|tl;?dr|abstract|synopsis|recap|zusammenfassung|r[ée]sum[ée]|sommaire|resumen|resumo|概要|要約|サマリー/i

/** Headings that give the setting before the incident ("Background", "Context", "Introduction"), read as `summary` only when nothing else is. */
export const CONTEXT_WORD =
  /\b(?:background|context|introduction|intro|hintergrund|einleitung|contexte|contexto|contesto|antecedentes|introducci[oó]n|introdu[cç][aã]o)\b|はじめに/i

/** Whether a heading names the setting rather than a summary ("Background", not "Background and summary"). */
export function isContextHeading(text: string): boolean {
  return CONTEXT_WORD.test(text) && !SUMMARY_WORD.test(text)
}

/**
 * Whether a lessons heading names what to improve ("Areas for improvement", "What could be improved", "Améliorations"):
 * under action items it is a group of follow-ups, not lessons.
 */
export function namesImprovement(text: string): boolean {
  return /improv|am[ée]lior|mejor|melhor|verbesser/i.test(text)
}

// The word lists below keep one cue per line (prettier-ignore): a table is easier to read and to diff than a column.

/** One weighted cue; `words` are whole words (stemmed when read), `parts` match inside a word (compounds, CJK). */
export interface SectionCue {
  key: CanonicalSectionKey
  weight: number
  words?: string[]
  parts?: string[]
}

/** Fixes named as the lasting ones: each wording of "long term", "permanent" or "future" before a fix, solution or remediation. */
const FOLLOW_UP_FIXES = ['long term', 'long-term', 'longer term', 'longer-term', 'permanent', 'future'].flatMap((lasting) =>
  ['fix', 'solution', 'resolution', 'remediation', 'mitigation'].map((fix) => `${lasting} ${fix}`),
)

/** Cues per key; weight 3 names the section, 2 strongly suggests it, 1 only leans. */
// prettier-ignore
export const SECTION_CUES: SectionCue[] = [
  { key: 'summary', weight: 3, words: ['summary', 'overview', 'tldr', 'tl;dr', 'abstract', 'synopsis', 'recap', 'background', 'description', 'happened', 'happen', 'resume', 'sommaire', 'synthese', 'apercu', 'uberblick', 'ueberblick'], parts: ['zusammenfassung', '概要', 'サマリー', '要約', '内容', '事象'] },
  // The setting before the incident: a summary only where no other section is (sections.ts, contextSpans).
  { key: 'summary', weight: 3, words: ['context', 'introduction', 'intro', 'hintergrund', 'einleitung'], parts: ['はじめに'] },
  { key: 'summary', weight: 2, words: ['occurred', 'went down'] },
  { key: 'summary', weight: 1, words: ['issue', 'problem', 'incident', 'probleme', 'vorfall', 'störung', 'storung'] },
  { key: 'impact', weight: 3, words: ['impact', 'impacted', 'affected', 'fallout', 'scope', 'blast radius', 'consequence', 'damage', 'auswirkung', 'betroffen', 'consequences', 'portee'], parts: ['auswirkung', '影響', '被害', '影響範囲'] },
  { key: 'impact', weight: 2, words: ['customer', 'user', 'stats', 'statistic', 'numbers', 'severity', 'utilisateurs', 'clients', 'kunden', 'nutzer', 'benutzer', 'usuarios', 'utenti'] },
  { key: 'impact', weight: 3, words: ['data loss', 'lost data'] },
  { key: 'rootCause', weight: 3, words: ['cause', 'root cause', 'caused', 'rca', 'why', 'whys', 'leadup', 'lead-up', 'fault', 'reason', 'contributing', 'factor', 'origin', 'ursache', 'grund', 'raison', 'origine'], parts: ['ursache', '原因', '要因', '根本'] },
  { key: 'rootCause', weight: 2, words: ['root', 'racine', 'vulnerability', 'exploit', 'attack', 'analysis', 'analyse', 'investigation', 'diagnosis', 'theory', 'technical', 'explanation', 'details', 'analyze', 'wrong'], parts: ['分析', '経緯と原因'] },
  // A diagnosis narrative ("Investigation", "Incident analysis") is the nearest canonical reading of what went wrong.
  { key: 'rootCause', weight: 3, words: ['incident analysis', 'post-incident analysis', 'outage analysis'] },
  { key: 'trigger', weight: 3, words: ['trigger', 'triggered', 'ausloser', 'declencheur'], parts: ['auslöser', 'きっかけ', '発端'] },
  { key: 'detection', weight: 3, words: ['detection', 'detect', 'detected', 'discovery', 'discovered', 'noticed', 'alerting', 'erkennung', 'entdeckung', 'detecte'], parts: ['検知', '発見', '検出'] },
  { key: 'detection', weight: 2, words: ['found out', 'alert', 'learned about'] },
  { key: 'resolution', weight: 3, words: ['resolution', 'resolve', 'resolved', 'mitigation', 'mitigate', 'mitigated', 'recovery', 'recover', 'recovered', 'fix', 'fixed', 'remediation', 'workaround', 'repair', 'restoration', 'restore', 'restored', 'response', 'solution', 'losung', 'behebung', 'wiederherstellung', 'correction', 'retablissement', 'resolu', 'reponse'], parts: ['lösung', 'behebung', 'wiederherstell', '復旧', '対応', '対処', '解決', '暫定'] },
  { key: 'resolution', weight: 2, words: ['handled', 'handling', 'responded', 'escalation', 'containment', 'contain', 'rollback', 'revert'] },
  { key: 'timeline', weight: 3, words: ['timeline', 'time line', 'chronology', 'chronologie', 'chronological', 'sequence', 'events', 'zeitverlauf', 'ablauf', 'verlauf', 'deroulement', 'historique', 'timestamps', 'evenements', 'incident log'], parts: ['zeitverlauf', 'ablauf', '経緯', 'タイムライン', '時系列', '経過', '対応履歴', '履歴'] },
  { key: 'timeline', weight: 2, words: ['log', 'history', 'step by step'] },
  // Incident tools' exports (FireHydrant, Rootly, incident.io) title the timeline by its milestones.
  { key: 'timeline', weight: 3, words: ['milestones', 'key moments', 'key timestamps'] },
  { key: 'actionItems', weight: 3, words: ['action', 'actions', 'corrective', 'preventive', 'preventative', 'prevention', 'prevent', 'follow-up', 'followup', 'follow up', 'next steps', 'todo', 'to do', 'tasks', 'improvement', 'improvements', 'enhancement', 'enhancements', 'remediation items', 'backlog', 'future work', 'going forward', 'moving forward', 'recommendation', 'recommendations', 'measures', 'massnahmen', 'mesures', 'prochaines etapes', 'plan', 'looking ahead', 'looking forward'], parts: ['maßnahme', 'massnahme', '再発防止策', '再発防止', '対策', '改善', '今後の対応', '今後の対策', '今後', '将来', '恒久対応', '恒久対策', '恒久', '実施すべき', '実施事項', '改善策', '防止策', '対応策', '施策', '取り組み', '取組'] },
  // A fix named as the lasting one ("Long-term solution", "Permanent fix", "Future fixes") is a follow-up, not the incident's resolution.
  { key: 'actionItems', weight: 3, words: FOLLOW_UP_FIXES },
  // "Remedial actions", "Remedial measures": what will put it right, named as follow-ups.
  { key: 'actionItems', weight: 3, words: ['remedial'] },
  { key: 'actionItems', weight: 2, words: ['will', 'doing', 'change', 'next', 'future', 'prochaines', 'nachste', 'schritte', 'venir'] },
  // French "à mettre en place" (to put in place): measures still to come.
  { key: 'actionItems', weight: 2, words: ['mettre en place'] },
  { key: 'lessonsLearned', weight: 3, words: ['lesson', 'lessons', 'learned', 'learnt', 'learning', 'learnings', 'takeaway', 'takeaways', 'went well', 'went wrong', 'went poorly', 'went badly', 'got lucky', 'lucky', 'reflection', 'erkenntnisse', 'lehren', 'gelernt', 'lecons', 'apprises', 'tirees', 'enseignements', 'apprentissages', 'retour'], parts: ['erkenntnis', '教訓', '学び', '学んだ', '振り返り', '反省', '良かった点', '良かった', 'うまくいった'] },
  { key: 'lessonsLearned', weight: 2, words: ['thoughts', 'observations'] },
  { key: 'lessonsLearned', weight: 3, words: ["retour d'experience", "retours d'experience"] },
  { key: 'conclusion', weight: 3, words: ['conclusion', 'conclusions', 'closing', 'final thoughts', 'wrap-up', 'wrap up', 'fazit', 'schluss', 'abschluss', 'schlusswort', 'epilogue', 'afterword', 'final words', 'closing words', 'closing remarks', 'final remarks', 'parting words'], parts: ['まとめ', 'おわりに', '最後に', '結論'] },
  // Spanish, Portuguese and Italian (accents folded: "Causa raíz", "Ações corretivas", "Lições aprendidas").
  { key: 'summary', weight: 3, words: ['resumen', 'resumo', 'sumario', 'riepilogo', 'sintesis', 'sintese', 'descripcion', 'descricao', 'sommario'] },
  { key: 'summary', weight: 3, words: ['que paso', 'que ocurrio', 'o que aconteceu'] },
  { key: 'summary', weight: 3, words: ['contexto', 'contesto', 'introduccion', 'introducao', 'antecedentes'] },
  { key: 'impact', weight: 3, words: ['impacto', 'impatto', 'afectados', 'afetados', 'afectado', 'afetado', 'alcance', 'consecuencias', 'consequencias'] },
  { key: 'rootCause', weight: 3, words: ['causa', 'causas', 'motivo', 'origen', 'origem', 'por que'] },
  { key: 'rootCause', weight: 2, words: ['raiz', 'radice', 'analisis', 'analise', 'analisi', 'investigacion', 'investigacao'] },
  { key: 'trigger', weight: 3, words: ['desencadenante', 'detonante', 'gatilho', 'innesco'] },
  { key: 'detection', weight: 3, words: ['deteccion', 'deteccao', 'rilevamento'] },
  { key: 'resolution', weight: 3, words: ['resolucion', 'resolucao', 'risoluzione', 'solucion', 'solucao', 'soluzione', 'mitigacion', 'mitigacao'] },
  { key: 'resolution', weight: 3, words: ['recuperacion', 'recuperacao', 'respuesta', 'resposta', 'restauracion', 'restauracao', 'ripristino'] },
  { key: 'timeline', weight: 3, words: ['cronologia', 'linea de tiempo', 'linha do tempo', 'linea temporale', 'eventos', 'eventi', 'secuencia', 'sequencia'] },
  { key: 'actionItems', weight: 3, words: ['acciones', 'acoes', 'azioni', 'medidas', 'misure', 'tareas', 'tarefas', 'seguimiento', 'mejoras', 'melhorias'] },
  { key: 'actionItems', weight: 3, words: ['proximos pasos', 'proximos passos', 'prossimi passi', 'correctivas', 'corretivas', 'preventivas', 'pendientes'] },
  // Recommendations and improvements in French, Spanish, Portuguese and German ("Recommandations et amélioration continue", "Empfehlungen").
  { key: 'actionItems', weight: 3, words: ['recommandation', 'recommandations', 'amelioration', 'ameliorations', 'amelioration continue', 'preconisations', 'recomendaciones', 'recomendacoes', 'raccomandazioni', 'empfehlungen', 'verbesserungen'] },
  { key: 'lessonsLearned', weight: 3, words: ['lecciones', 'licoes', 'lezioni', 'aprendizajes', 'aprendizados', 'aprendido', 'aprendidas', 'aprendidos'] },
  // Chinese, Simplified and Traditional (terms shared with Japanese, 原因 影響 教訓 結論, are listed above once).
  { key: 'summary', weight: 3, parts: ['概述', '摘要', '简介', '簡介', '问题', '問題', '现象', '現象', '问题描述', '問題描述'] },
  { key: 'impact', weight: 3, parts: ['影响', '影响范围', '影響範圍', '受影响', '受影響'] },
  { key: 'rootCause', weight: 3, parts: ['根因', '根源', '问题分析', '問題分析', '故障分析', '原因分析'] },
  { key: 'trigger', weight: 3, parts: ['触发', '觸發', '诱因', '誘因'] },
  { key: 'detection', weight: 3, parts: ['发现', '發現', '检测', '檢測', '告警', '发现人', '發現人', '发现者', '發現者'] },
  { key: 'resolution', weight: 3, parts: ['修复', '修復', '解决', '处理', '處理', '恢复', '恢復', '缓解', '緩解', '应对', '應對', '处置', '處置', '止损', '止損'] },
  { key: 'timeline', weight: 3, parts: ['时间线', '時間線', '时间轴', '時間軸', '时间表', '時間表', '时序', '時序', '经过', '經過'] },
  { key: 'actionItems', weight: 3, parts: ['预防', '預防', '改进', '改進', '措施', '后续', '後續', '行动项', '行動項', '行动', '行動', '待办', '待辦', '跟进', '跟進', '防范', '防範', '整改', '优化', '優化'] },
  { key: 'lessonsLearned', weight: 3, parts: ['复盘', '復盤', '经验', '經驗', '教训', '反思', '心得', '启示', '啟示'] },
  { key: 'conclusion', weight: 3, parts: ['总结', '總結', '结论', '结语', '結語'] },
  // Contributing, in English and the Romance languages, as one family read by its stem ("contribuyentes", "contributivos").
  { key: 'rootCause', weight: 2, parts: ['contribu'] },
  // Korean (Hangul words carry joined particles, so the terms are read inside the word like CJK runs).
  { key: 'summary', weight: 3, parts: ['요약', '개요'] },
  { key: 'impact', weight: 3, parts: ['영향'] },
  { key: 'impact', weight: 2, parts: ['범위'] },
  { key: 'rootCause', weight: 3, parts: ['원인'] },
  { key: 'rootCause', weight: 2, parts: ['분석'] },
  { key: 'detection', weight: 3, parts: ['탐지', '감지'] },
  { key: 'resolution', weight: 3, parts: ['해결', '복구', '대응', '완화'] },
  { key: 'resolution', weight: 2, parts: ['조치'] },
  { key: 'timeline', weight: 3, parts: ['타임라인', '경과', '경위'] },
  { key: 'actionItems', weight: 3, parts: ['재발', '방지', '개선', '후속', '대책', '향후'] },
  { key: 'lessonsLearned', weight: 3, parts: ['교훈', '회고', '배운'] },
  { key: 'conclusion', weight: 3, parts: ['결론', '마무리'] },
  { key: 'conclusion', weight: 3, words: ['conclusiones', 'conclusao', 'conclusoes', 'conclusioni', 'consideraciones finales', 'consideracoes finais'] },
]

/** Words that carry no section meaning of their own (articles, question words, auxiliaries, the incident itself). */
// prettier-ignore
export const FILLER_WORDS = new Set([
  'the', 'a', 'an', 'of', 'for', 'on', 'in', 'to', 'from', 'during', 'after', 'before', 'with', 'at', 'by', 'and',
  'or', 'our', 'we', 'us', 'it', 'its', 'this', 'that', 'these', 'those', 'what', 'how', 'where', 'which', 'did',
  'does', 'do', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'be', 'been', 'being', 'about', 'so', 'not', "didn't",
  "don't", "we're", "we'll", "what's", 'go', 'went', 'get', 'got', 'they', 'them', 'their', 'you', 'your', 'my', 'i', 'me',
  'outage', 'downtime', 'incident', 'incidents', 'postmortem', 'post-mortem', 'post', 'mortem', 'service', 'system',
  'initial', 'detailed', 'full', 'key', 'main', 'brief', 'short', 'long', 'term', 'overall', 'general', 'high', 'level',
  'executive', 'executif', 'ejecutivo', 'executivo',
  'high-level', 'quick', 'other', 'further', 'potential', 'more', 'some', 'all', 'any', 'there', 'here', 'then', 'now', 'again',
  'der', 'die', 'das', 'und', 'des', 'den', 'dem', 'zur', 'zum', 'le', 'la', 'les', 'de', 'du', 'et', 'un', 'une',
  "l'", "d'", 'au', 'aux', 'en', 'sur', 'pour', 'par', 'things', 'thing', 'who', 'when', 'would', 'could',
  'should', 'can', 'blameless', 'retrospective', 'resulting', 'proposed', 'planned', 'immediate', 'additional', 'remaining', 'recommended',
  'suggested', 'open', 'completed', 'pending', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'zeitlicher',
  'detaillierter', 'detaille', 'detaillee', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  // Spanish, Portuguese and Italian articles, prepositions and the incident itself.
  'el', 'los', 'las', 'del', 'al', 'y', 'o', 'e', 'do', 'da', 'dos', 'das', 'na', 'nas', 'nos', 'no', 'um', 'uma', 'que',
  'lo', 'il', 'gli', 'di', 'della', 'dei', 'per', 'con', 'com', 'por', 'para', 'su', 'sus', 'se', 'como', 'nuestro',
  'nuestra', 'nosso', 'nossa', 'incidente', 'incidentes', 'incidencia', 'caida', 'interrupcion', 'interrupcao', 'informe',
  'relatorio', 'servicio', 'servico', 'servizio',
  // The same modifiers as the English ones above (immediate, recommended, proposed, planned, required, further) in
  // Spanish, Portuguese, French and German, so "Acciones requeridas inmediatas" reads as its head noun.
  'inmediata', 'inmediatas', 'inmediato', 'inmediatos', 'imediata', 'imediatas', 'imediato', 'imediatos', 'immediates',
  'requerida', 'requeridas', 'requerido', 'requeridos', 'necesarias', 'necessarias', 'necessaires', 'recomendada', 'recomendadas',
  'recomendados', 'recommandee', 'recommandees', 'propuesta', 'propuestas', 'propostas', 'proposee', 'proposees', 'planificadas',
  'previstas', 'prevues', 'prises', 'adicionales', 'adicionais', 'vorgeschlagene', 'empfohlene', 'geplante', 'weitere', 'erforderliche', 'sofortige',
])

/** Status-page update labels, which head an update rather than a section of the report. */
// prettier-ignore
export const STATUS_LABELS = new Set(['investigating', 'identified', 'monitoring', 'resolved', 'update', 'updated', 'postmortem', 'post-mortem', 'scheduled', 'in progress', 'completed'])

/** Words that caption media, never a section ("Recovery GIF"). */
// prettier-ignore
export const MEDIA_WORDS = new Set(['gif', 'image', 'images', 'video', 'screenshot', 'screenshots', 'diagram', 'photo', 'picture', 'meme', 'figure', 'chart', 'graph'])

/** Nouns that end a heading without changing its meaning ("Root cause analysis", "Impact summary", "Timeline of events"). */
// prettier-ignore
export const TRAILING_NOUNS = new Set(['action', 'actions', 'analysis', 'summary', 'events', 'event', 'details', 'overview', 'section', 'notes', 'report', 'process', 'steps', 'plan', 'items', 'phase', 'review', 'information', 'discussion', 'factors', 'description', 'statement', 'breakdown', 'methods', 'method', 'assessment', 'highlights'])

/** Japanese particles and endings, and Chinese ones, that join the terms of a heading; they are fillers inside a CJK run. */
// prettier-ignore
export const CJK_FILLERS = ['エグゼクティブ', '項目', '優先度', '長期', '短期', '中期', '次回', '即座', '技術', 'イベント', '的', '和', '与', '與', '以及', '及', '故障', '事件', '详细', '詳細', '情况', '情況', '过程', '過程', '范围', '範圍', '方案', 'について', 'における', 'に関する', 'の', 'と', 'や', 'した', 'する', 'された', 'による', '及び', 'および', '・', '（案）', '(案)', '案', 'から', 'までの', 'まで', 'を', 'が', 'は', 'で', 'に', '後', 'に向けて', '向けて', '方法', '状況', '障害', '事故', 'インシデント', '発生', '当時', 'こと', '点', '장애', '사고', '의', '및', '과', '와', '점', '사항', '내용']
