import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { matchSection } from '../src/normalize/sections/section-synonyms.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const itemsUnder = (heading: string): string[] =>
  normalizeDocument(
    'w.md',
    `# Cache outage\n\n## Summary\n\nThe cache failed on 2024-03-04.\n\n## ${heading}\n\n- Alert on memory\n- Test the failover monthly\n`,
    options,
  ).record.actionItems.map((a) => a.text)

describe('follow-up headings asked as questions, in several languages', () => {
  it.each([
    ['¿Qué haremos?', 'actionItems'],
    ['¿Qué vamos a hacer?', 'actionItems'],
    ['¿Cómo evitaremos que vuelva a pasar?', 'actionItems'],
    ['O que faremos?', 'actionItems'],
    ['Como vamos evitar que aconteça de novo?', 'actionItems'],
    ['Was tun wir?', 'actionItems'],
    ['Wie verhindern wir das künftig?', 'actionItems'],
    ['Wie geht es weiter?', 'actionItems'],
    ['Comment éviter que cela se reproduise ?', 'actionItems'],
    ["Ce qu'il faut corriger", 'actionItems'],
    ['Lo que hay que mejorar', 'actionItems'],
    ['Was wir gelernt haben', 'lessonsLearned'],
    ['Ce que nous avons appris', 'lessonsLearned'],
    ["Qu'avons-nous appris ?", 'lessonsLearned'],
    ['¿Qué aprendimos?', 'lessonsLearned'],
    ['O que aprendemos', 'lessonsLearned'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })
})

describe('follow-up and lessons headings in French, German, Japanese and Chinese', () => {
  it.each([
    ['Mesures prises et à venir', 'actionItems'],
    ['Mesures préventives à mettre en place', 'actionItems'],
    ["Plan d'action", 'actionItems'],
    ["Retour d'expérience", 'lessonsLearned'],
    ['改善策', 'actionItems'],
    ['再発防止に向けて', 'actionItems'],
    ['今後の取り組み', 'actionItems'],
    ['対応策', 'actionItems'],
    ['后续行动', 'actionItems'],
    ['改进行动项', 'actionItems'],
  ])('%s -> %s', (heading, key) => {
    expect(matchSection(heading)?.key).toBe(key)
  })

  it('counts the list under each as action items', () => {
    for (const heading of ['Mesures prises et à venir', 'Maßnahmen', '今後の対策', '再発防止策', '改善策', '¿Qué haremos?'])
      expect(itemsUnder(heading), heading).toEqual(['Alert on memory', 'Test the failover monthly'])
  })
})

describe('sections that report changes already made are the resolution, not follow-ups', () => {
  it.each([["What's changed"], ['What has changed'], ['Changes made'], ['What we changed'], ['Changes we made']])('%s -> resolution', (heading) => {
    expect(matchSection(heading)?.key).toBe('resolution')
  })

  it('keeps the future and passive-present forms as follow-ups', () => {
    for (const heading of ["What's changing", 'What is being changed', 'What will change']) expect(matchSection(heading)?.key, heading).toBe('actionItems')
  })

  it('counts no items under a changes-made heading, and the next steps after it', () => {
    const md = `# Cache outage\n\n## Summary\n\nThe cache failed on 2024-03-04.\n\n## What's changed\n\n- We added memory alerts\n- We doubled the cache size\n\n## Next steps\n\n- Run a load test before each release\n`
    expect(normalizeDocument('c.md', md, options).record.actionItems.map((a) => a.text)).toEqual(['Run a load test before each release'])
  })
})
