import { describe, expect, it } from 'vitest'
import { matchSection } from '../src/normalize/sections/section-synonyms.js'
import { stem } from '../src/normalize/sections/section-classifier.js'

describe('section classifier: headings to canonical keys', () => {
  it.each([
    // Google SRE book template
    ['Summary', 'summary'],
    ['Impact', 'impact'],
    ['Root Causes', 'rootCause'],
    ['Trigger', 'trigger'],
    ['Resolution', 'resolution'],
    ['Detection', 'detection'],
    ['Action Items', 'actionItems'],
    ['Lessons Learned', 'lessonsLearned'],
    ['Timeline', 'timeline'],
    // PagerDuty template
    ['What happened', 'summary'],
    ["What didn't go so well", 'lessonsLearned'],
    ['What went well?', 'lessonsLearned'],
    // Atlassian template
    ['Leadup', 'rootCause'],
    ['Fault', 'rootCause'],
    ['Response', 'resolution'],
    ['Recovery', 'resolution'],
    ['Five whys', 'rootCause'],
    ['Corrective actions', 'actionItems'],
    ['Other mitigation actions', 'resolution'],
    ['Blameless root cause', 'rootCause'],
    // question forms reduced to their subject
    ['Why did it happen?', 'rootCause'],
    ['How did it happen?', 'rootCause'],
    ['What caused the outage?', 'rootCause'],
    ['How did we find out?', 'detection'],
    ['How was the issue detected', 'detection'],
    ['How did we fix it?', 'resolution'],
    ['What we will change', 'actionItems'],
    ["What we're doing about it", 'actionItems'],
    ['How we will prevent this', 'actionItems'],
    ['Who was affected?', 'impact'],
    ['What did we learn?', 'lessonsLearned'],
    ['What triggered it', 'trigger'],
    // singular/plural, trailing nouns, joins, verbs
    ['Root cause analysis', 'rootCause'],
    ['Impact summary', 'impact'],
    ['Timeline of events', 'timeline'],
    ['Sequence of events', 'timeline'],
    ['Contributing factors', 'rootCause'],
    ['Technical cause', 'rootCause'],
    ['The Causes', 'rootCause'],
    ['The Solutions', 'resolution'],
    ['Resulting Action', 'actionItems'],
    ['Things that went well', 'lessonsLearned'],
    ['Things that went poorly', 'lessonsLearned'],
    ['Mitigation steps', 'resolution'],
    ['Recovery Process', 'resolution'],
    ['Follow-up tasks', 'actionItems'],
    ['Preventive measures', 'actionItems'],
    ['Technical improvements', 'actionItems'],
    ['Working theory (root cause)', 'rootCause'],
    ['Detection and alerting', 'detection'],
    ['Final thoughts', 'conclusion'],
    ['Conclusion', 'conclusion'],
    ['Takeaways', 'lessonsLearned'],
    ['Customer impact', 'impact'],
    ['Scope', 'impact'],
    ['Fallout', 'impact'],
    [':memo:  Issue summary', 'summary'],
    ['<span style="color:green">Timeline:</span> :vertical_traffic_light:', 'timeline'],
    // German
    ['Zusammenfassung', 'summary'],
    ['Ursache', 'rootCause'],
    ['Ursachen', 'rootCause'],
    ['Fehlerursache', 'rootCause'],
    ['Auswirkung', 'impact'],
    ['Auswirkungen', 'impact'],
    ['Maßnahmen', 'actionItems'],
    ['Sofortmaßnahmen', 'actionItems'],
    ['Zeitverlauf', 'timeline'],
    ['Zeitlicher Ablauf', 'timeline'],
    ['Lösung', 'resolution'],
    ['Erkenntnisse', 'lessonsLearned'],
    ['Fazit', 'conclusion'],
    // French
    ['Résumé', 'summary'],
    ['Cause', 'rootCause'],
    ['Causes', 'rootCause'],
    ['Impact', 'impact'],
    ['Actions', 'actionItems'],
    ['Chronologie', 'timeline'],
    ['Actions correctives', 'actionItems'],
    ['Leçons apprises', 'lessonsLearned'],
    ['Déroulement', 'timeline'],
    ['Conséquences', 'impact'],
    // Japanese
    ['原因', 'rootCause'],
    ['影響', 'impact'],
    ['影響範囲', 'impact'],
    ['対応', 'resolution'],
    ['経緯', 'timeline'],
    ['概要', 'summary'],
    ['タイムライン', 'timeline'],
    ['発生から復旧までのタイムライン', 'timeline'],
    ['今後の対応', 'actionItems'],
    ['再発防止策（案）', 'actionItems'],
    ['復旧方法', 'resolution'],
    ['障害の内容', 'summary'],
    ['障害発生当時の対応について', 'resolution'],
    // Chinese, Simplified and Traditional
    ['问题', 'summary'],
    ['现象', 'summary'],
    ['概述', 'summary'],
    ['影响', 'impact'],
    ['影响范围', 'impact'],
    ['根因', 'rootCause'],
    ['根本原因', 'rootCause'],
    ['原因分析', 'rootCause'],
    ['修复', 'resolution'],
    ['处理过程', 'resolution'],
    ['解決方案', 'resolution'],
    ['预防', 'actionItems'],
    ['改进措施', 'actionItems'],
    ['改進措施', 'actionItems'],
    ['后续行动项', 'actionItems'],
    ['时间线', 'timeline'],
    ['時間線', 'timeline'],
    ['事件经过', 'timeline'],
    ['经验教训', 'lessonsLearned'],
    ['經驗教訓', 'lessonsLearned'],
    ['复盘', 'lessonsLearned'],
    ['总结', 'conclusion'],
    // full-width brackets and colons, as CJK text writes them
    ['経緯（JST）', 'timeline'],
    ['時系列（JST）', 'timeline'],
    ['Timeline（UTC）', 'timeline'],
    ['原因：', 'rootCause'],
    ['対応履歴', 'timeline'],
    ['恒久対策', 'actionItems'],
    ['学んだこと', 'lessonsLearned'],
    ['発生事象', 'summary'],
    // security reports
    ['Details of exploit', 'rootCause'],
    ['Details of vulnerability', 'rootCause'],
    // one-letter typos of a cue word, hyphenated words read as their parts
    ['Outage Sumary', 'summary'],
    ['Timline', 'timeline'],
    ['Root Casue', 'rootCause'],
    ['Acton Items', 'actionItems'],
    ['Correctve measures', 'actionItems'],
    ['Post-incident actions', 'actionItems'],
    ["How'd we do?", 'lessonsLearned'],
    // remediation as a list of follow-ups (plural, or with a list's noun), and the fix itself when alone
    ['Remediations', 'actionItems'],
    ['Remediation steps', 'actionItems'],
    ['Remediation', 'resolution'],
    ['Follow-up work', 'actionItems'],
    ['Plan d’action', 'actionItems'],
    // a recommendation list, a trailing "assessment", French root cause and events, an incident log
    ['Recommendations', 'actionItems'],
    ['Moving forward', 'actionItems'],
    ['Impact assessment', 'impact'],
    ['Cause racine', 'rootCause'],
    ['Chronologie des événements', 'timeline'],
    ['Incident log', 'timeline'],
    ['Milestones', 'timeline'],
    ['Key milestones', 'timeline'],
    // Spanish, Portuguese and Italian report headings
    ['Resumen', 'summary'],
    ['Resumo', 'summary'],
    ['¿Qué pasó?', 'summary'],
    ['Impacto', 'impact'],
    ['Causa raíz', 'rootCause'],
    ['Análise da causa raiz', 'rootCause'],
    ['Cronología', 'timeline'],
    ['Linha do tempo', 'timeline'],
    ['Línea de tiempo de eventos', 'timeline'],
    ['Acciones', 'actionItems'],
    ['Ações corretivas', 'actionItems'],
    ['Próximos pasos', 'actionItems'],
    ['Medidas preventivas', 'actionItems'],
    ['Lecciones aprendidas', 'lessonsLearned'],
    ['Lições aprendidas', 'lessonsLearned'],
    ['Resolución', 'resolution'],
    ['Detección', 'detection'],
    ['Conclusão', 'conclusion'],
    ['What can be improved?', 'lessonsLearned'],
    // a leading verb of improvement names the follow-ups; a post-incident review's questions
    ['Improving Recovery Procedures', 'actionItems'],
    ['Preventing recurrence', 'actionItems'],
    ['Reducing the blast radius', 'actionItems'],
    ['How are we making incidents like this less likely or less impactful?', 'actionItems'],
    ['What went wrong and why?', 'rootCause'],
    // a retro's "what worked / what failed"
    ['What worked', 'lessonsLearned'],
    ['What failed', 'lessonsLearned'],
    ['What Worked / What Failed', 'lessonsLearned'],
    // the setting before the incident, and a diagnosis narrative
    ['Introduction', 'summary'],
    ['Hintergrund', 'summary'],
    ['Einleitung', 'summary'],
    ['Investigation', 'rootCause'],
    ['Incident analysis', 'rootCause'],
    ['Post-incident analysis', 'rootCause'],
    // who was affected, in other languages; the impact as lost data
    ['Impact sur les utilisateurs', 'impact'],
    ['Auswirkungen auf Kunden', 'impact'],
    ['Data loss', 'impact'],
    // German and French question forms reduced to their subject
    ['Was ist passiert?', 'summary'],
    ["Qu'est-ce qui s'est passé ?", 'summary'],
    ["Que s'est-il passé ?", 'summary'],
    ['Warum ist es passiert?', 'rootCause'],
    ['Pourquoi ?', 'rootCause'],
    ['Wie haben wir es bemerkt?', 'detection'],
    ['Comment avons-nous détecté le problème ?', 'detection'],
    ['Wie haben wir das Problem behoben?', 'resolution'],
    ['Comment avons-nous résolu le problème ?', 'resolution'],
    ['Was wir ändern werden', 'actionItems'],
    ['Ce que nous allons faire', 'actionItems'],
    // contractions in a question form, the last words of a report
    ["How we'll prevent this from happening again", 'actionItems'],
    ["How we're preventing this", 'actionItems'],
    ['Looking ahead', 'actionItems'],
    ['Final words', 'conclusion'],
    ['Closing remarks', 'conclusion'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })

  it('reads Japanese retrospective sub-headings as lessons: what was done right, and the problems left', () => {
    expect(matchSection('すばやく復旧できたこと')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
    expect(matchSection('良かった点')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
    expect(matchSection('課題')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
    expect(matchSection('反省点')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
  })

  it('reads Spanish and Portuguese lesson sub-headings, and "what can be improved" as what went wrong', () => {
    expect(matchSection('Qué salió bien')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
    expect(matchSection('Lo que salió mal')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
    expect(matchSection('O que deu certo')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
    expect(matchSection('O que podemos melhorar')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
    expect(matchSection('What can be improved?')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
  })

  it('keeps the second key of a joined heading', () => {
    expect(matchSection('Causa y solución')).toMatchObject({ key: 'rootCause', also: 'resolution' })
    expect(matchSection('Root cause and resolution')).toMatchObject({ key: 'rootCause', also: 'resolution' })
    expect(matchSection('Impact / Detection')).toMatchObject({ key: 'impact', also: 'detection' })
    expect(matchSection('Ursache und Lösung')).toMatchObject({ key: 'rootCause', also: 'resolution' })
  })

  it('gives a confidence: 1 for a known wording, less for one read from its words', () => {
    expect(matchSection('Root Causes')?.confidence).toBe(1)
    const read = matchSection('Fehlerursache')
    expect(read?.confidence).toBeGreaterThan(0)
    expect(read?.confidence).toBeLessThan(1)
  })

  it.each([
    'Recovery GIF',
    'Notes to the owner',
    'References',
    'Thanks',
    'Setup',
    'Upstream bug reports for the hub',
    'Postmortem: Database Outage and Recovery',
    'Database migration',
    'Attendees',
    'Supporting information',
    'Responders',
    // Atlassian's check of the backlog for work that would have prevented it: neither a follow-up nor the cause
    'Backlog check',
    'Messaging',
    'Recurrence',
    'Resolved',
    '発生日時',
    'プラットフォーム・OSバージョン',
    'Step 3',
    'Defects',
    'Cloud setup',
    'DNS resolver incident 409',
    'Informe de incidente',
    'Caída del servicio de pagos',
  ])('leaves %s unmapped', (heading) => {
    expect(matchSection(heading)).toBeNull()
  })

  it('is stricter for bare lines of plain text (exact)', () => {
    expect(matchSection('Root cause of the crash', true)).toBeNull()
    expect(matchSection('Root cause analysis', true)?.key).toBe('rootCause')
    expect(matchSection('Why it happened', true)?.key).toBe('rootCause')
  })

  it('stems inflections together', () => {
    expect(stem('causes')).toBe(stem('caused'))
    expect(stem('lessons')).toBe(stem('lesson'))
    expect(stem('analysis')).toBe('analysis')
  })
})

describe('section classifier: word families beyond the known headings', () => {
  it.each([
    // one unknown modifier beside a word that names the section
    ['Binding lessons', 'lessonsLearned'],
    ['Still TODO', 'actionItems'],
    // the contributing family in the Romance languages, and a Spanish why-question
    ['Causas contribuyentes', 'rootCause'],
    ['Factores contribuyentes', 'rootCause'],
    ['Por qué ningún gate lo detectó', 'rootCause'],
    // the incident itself named as the heading
    ['The Incident', 'summary'],
    ['The Problem', 'summary'],
    // Korean terms with their particles
    ['원인', 'rootCause'],
    ['장애 원인 분석', 'rootCause'],
    ['영향 범위', 'impact'],
    ['타임라인', 'timeline'],
    ['재발 방지 대책', 'actionItems'],
    ['후속 조치', 'actionItems'],
    ['장애 대응', 'resolution'],
    ['배운 점', 'lessonsLearned'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })

  it('reads the short retro form in Spanish, Portuguese and Italian with or without accents', () => {
    expect(matchSection('Qué funcionó')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
    expect(matchSection('Que funciono')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
    expect(matchSection('Qué no funcionó')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
    expect(matchSection('O que não funcionou')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWrong' })
    expect(matchSection('Cosa ha funzionato')).toMatchObject({ key: 'lessonsLearned', lesson: 'wentWell' })
  })

  it.each(['Contributors', 'Binding contract', 'Backlog check', 'Still unknown', '방어', '이슈', 'Deploy and database'])(
    'still leaves %s unmapped',
    (heading) => {
      expect(matchSection(heading)).toBeNull()
    },
  )
})

describe('section classifier cost', () => {
  it('reads a heading once and answers repeats from memory, with a frozen result', () => {
    const first = matchSection('Ursachenanalyse')
    expect(matchSection('Ursachenanalyse')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
  })
})

describe('a joined heading whose second part no wording names', () => {
  it('reads that part from its words ("… and preventive methods" also holds action items)', () => {
    expect(matchSection('Resolution and preventive methods')).toMatchObject({ key: 'resolution', also: 'actionItems' })
    expect(matchSection('Preventive methods')?.key).toBe('actionItems')
    expect(matchSection('Root cause and resolution')).toMatchObject({ key: 'rootCause', also: 'resolution' })
  })
})

describe('section classifier: a fix named as the lasting one is a follow-up', () => {
  it.each([
    ['long term solution', 'actionItems'],
    ['Long-term fix', 'actionItems'],
    ['Longer-term solutions', 'actionItems'],
    ['Permanent fix', 'actionItems'],
    ['Future fixes', 'actionItems'],
    ['Future work', 'actionItems'],
    ['Solution', 'resolution'],
    ['Resolution', 'resolution'],
    ['Short-term fix', 'resolution'],
    ['Long term impact', 'impact'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })

  it('counts the bullets under "# long term solution" as action items, not the short-term fix', async () => {
    const { normalizeDocument } = await import('../src/normalize/index.js')
    const { DEFAULT_TAG_VOCABULARY } = await import('../src/config.js')
    const md =
      '# Builds failing after an image upgrade\n\n# cause\n\nThe image changed.\n\n# short term fix\n\nPinned the old image.\n\n# long term solution\n\n- Pin image versions\n- Test image upgrades in a branch\n- Alert on build failures\n'
    const record = normalizeDocument('b.md', md, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }).record
    expect(record.actionItems.map((a) => a.text)).toEqual(['Pin image versions', 'Test image upgrades in a branch', 'Alert on build failures'])
  })
})

describe('section classifier: what was done during the incident is the response, not follow-ups', () => {
  it.each([
    ['Actions Taken During Incident', 'resolution'],
    ['Actions taken', 'resolution'],
    ['Mitigation steps taken', 'resolution'],
    ['Steps we took', 'resolution'],
    ['What we did', 'resolution'],
    ['Actions during the incident', 'resolution'],
    ['What we did well', 'lessonsLearned'],
    ['Follow-up actions taken', 'actionItems'],
    ['Action items', 'actionItems'],
    ['Next steps', 'actionItems'],
    ['Corrective actions', 'actionItems'],
    ['Remediation plan', 'actionItems'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })

  it('counts only the follow-ups as action items', async () => {
    const { normalizeDocument } = await import('../src/normalize/index.js')
    const { DEFAULT_TAG_VOCABULARY } = await import('../src/config.js')
    const md =
      '# Cache outage\n\n## Summary\n\nThe cache ran out of memory.\n\n## Actions Taken During Incident\n\n- Restarted the cache nodes\n- Raised the memory limit\n\n## Action items\n\n- Add a memory alert\n- Cap key sizes\n'
    const record = normalizeDocument('c.md', md, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }).record
    expect(record.actionItems.map((a) => a.text)).toEqual(['Add a memory alert', 'Cap key sizes'])
    expect(record.sections.map((s) => s.key)).toEqual(['summary', 'resolution', 'actionItems'])
  })
})

describe('section classifier: follow-up headings in French, Spanish and German', () => {
  it.each([
    ['5. Recommandations et amélioration continue', 'actionItems'],
    ['Recommandations', 'actionItems'],
    ['Améliorations prévues', 'actionItems'],
    ['Acciones requeridas inmediatas', 'actionItems'],
    ['Recomendaciones', 'actionItems'],
    ['Medidas propuestas', 'actionItems'],
    ['Vorgeschlagene Maßnahmen', 'actionItems'],
    ['Empfehlungen', 'actionItems'],
    ['Weitere Maßnahmen', 'actionItems'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })

  it('counts the numbered list under a French recommendations heading as action items', async () => {
    const { normalizeDocument } = await import('../src/normalize/index.js')
    const { DEFAULT_TAG_VOCABULARY } = await import('../src/config.js')
    const md =
      "# Rapport d'incident\n\n## Résumé\n\nLe proxy a reçu des requêtes suspectes.\n\n## Recommandations et amélioration continue\n\n1. Limiter le débit par adresse IP.\n2. Déployer un pare-feu applicatif.\n"
    const record = normalizeDocument('r.md', md, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }).record
    expect(record.actionItems.map((a) => a.text)).toEqual(['Limiter le débit par adresse IP.', 'Déployer un pare-feu applicatif.'])
  })
})

describe('Japanese follow-up headings with modifiers and a priority note', () => {
  it.each([
    ['7.2 即座に実施すべき項目（優先度：緊急）', 'actionItems'],
    ['次回イベントまでに実施すべき項目', 'actionItems'],
    ['長期的改善項目（優先度：中）', 'actionItems'],
    ['4.1 技術的改善（優先度：高）', 'actionItems'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })
})
