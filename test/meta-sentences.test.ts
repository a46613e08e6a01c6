import { describe, expect, it } from 'vitest'
import { isMetaSentence, withoutMeta } from '../src/normalize/summary/meta-sentences.js'

/** One sentence per META pattern and branch, each a meta sentence. */
const META_EXAMPLES = [
  "Here's the postmortem for last week's outage.",
  'So, here is our report on the incident.',
  'Here are the details of what happened.',
  'Below is a summary of the events.',
  'Below you will find the full timeline.',
  'What follows is an account of the outage.',
  'The following is the incident report of the outage.',
  'Following is our analysis.',
  'The following are the details of the incident.',
  'This post describes the outage of May 3.',
  'In this document we explain what went wrong.',
  'This report is the record of the incident.',
  'This article covers the database failure.',
  'This write-up outlines the incident.',
  'This postmortem looks at the outage.',
  'This page documents the incident.',
  'This is a page where I will discuss any downtime of the services I run.',
  'This is the place for reports of our outages.',
  'We want to share with you a detailed explanation of what happened.',
  "I'd like to explain what happened.",
  'We would like to describe the events of Tuesday.',
  'We wanted to give an update on the outage.',
  'We are going to provide a full account.',
  'We wanted to provide you with some additional information about the service disruption on Tuesday.',
  'We will try to walk you through it.',
  'We hope to offer some insight.',
  'We apologize for the disruption.',
  'We sincerely apologise to our users.',
  'We are very sorry for the trouble.',
  'Our deepest apologies to everyone affected.',
  'My apologies for the delay.',
  'We understand how frustrating this was and we apologize.',
  'The investigation is ongoing.',
  'Investigation is in progress.',
  'We are currently investigating the issue.',
  'We are investigating.',
  'Nous sommes en train de rechercher la cause.',
  'Nous allons analyser les journaux.',
  'This incident has been resolved.',
  'The issue is now fixed.',
  'A fix has been implemented and we are monitoring the results.',
  'We are continuing to monitor for any further issues.',
  'All times are Berlin time.',
  'Timestamps are in UTC.',
]

describe('meta sentences', () => {
  it('reads every example as a meta sentence', () => {
    for (const sentence of META_EXAMPLES) expect(isMetaSentence(sentence), sentence).toBe(true)
  })

  it('drops each example from a text around it (the cheap pre-checks never skip one)', () => {
    const before = 'The database failed at 10:00 and users saw errors for an hour.'
    const after = 'The replica was promoted and service recovered.'
    for (const sentence of META_EXAMPLES) expect(withoutMeta(`${before} ${sentence} ${after}`, null), sentence).toBe(`${before} ${after}`)
  })

  it('keeps a text whose hint words are not meta sentences as it is', () => {
    const text = 'We investigated the queue and shared the findings below the fold. The fix follows the pattern of last year.'
    expect(withoutMeta(text, null)).toBe(text)
  })
})
