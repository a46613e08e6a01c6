import { describe, expect, it } from 'vitest'
import { makeItem } from '../src/normalize/actions/action-markers.js'

const item = (text: string) => makeItem(text, { kind: null, done: null })

describe('action items: owner and priority in one trailing parenthesis', () => {
  it.each([
    ['Add a request timeout (owner: @mia, P1)', 'Add a request timeout', 'mia', 'P1'],
    ['Page on queue age (@infra, high priority)', 'Page on queue age', 'infra', 'high'],
    ['Shorten the DNS TTL (low priority)', 'Shorten the DNS TTL', null, 'low'],
    ['Move the cron host (storage team, P3)', 'Move the cron host', 'storage team', 'P3'],
    ['Rotate the signing keys (assignee: tomas; due 2024-07-01)', 'Rotate the signing keys', 'tomas', null],
  ])('%s', (text, rest, owner, priority) => {
    expect(item(text)).toMatchObject({ text: rest, owner, priority })
  })

  it('reads a status beside the owner in the group, and full-width Japanese groups with 担当 and 完了', () => {
    expect(item('Add a canary stage (owner: @kim, done)')).toMatchObject({ text: 'Add a canary stage', owner: 'kim', done: true })
    expect(item('負荷試験の手順を見直す（担当：佐藤、完了）')).toMatchObject({ text: '負荷試験の手順を見直す', owner: '佐藤', done: true })
    expect(item('監視を追加する（未対応、担当者：山田）')).toMatchObject({ text: '監視を追加する', owner: '山田', done: false })
    expect(item('Upgrade the proxy (done)')).toMatchObject({ text: 'Upgrade the proxy', done: true })
  })

  it('leaves a parenthesis that names neither', () => {
    expect(item('Upgrade the proxy (see RFC 12)')).toMatchObject({ text: 'Upgrade the proxy (see RFC 12)', owner: null, priority: null })
  })

  it('reads a labelled owner written with initials whole', () => {
    expect(item('Validate pool sizes - Owner: J. Patel - Due 2024-04-01')).toMatchObject({ text: 'Validate pool sizes', owner: 'J. Patel', due: '2024-04-01' })
    expect(item('Add a canary (Owner: A. B. Smith)')).toMatchObject({ text: 'Add a canary', owner: 'A. B. Smith' })
    expect(item('Fix it. Owner: Priya. Due: 30 June.')).toMatchObject({ owner: 'Priya', due: '30 June' })
  })

  it('keeps one dash where an owner stood between two', () => {
    expect(item('Add a queue age alert — Owner: Dana — due 2024-02-01')).toMatchObject({ text: 'Add a queue age alert', owner: 'Dana', due: '2024-02-01' })
  })
})

describe('action items: a due date taken out of the text into its own field', () => {
  it.each([
    ['Upgrade the proxy (due May 3)', 'Upgrade the proxy', 'May 3'],
    ['Rotate the keys (owner: @kim, due 2024-07-01)', 'Rotate the keys', '2024-07-01'],
    ['Add a canary (Platform, Q4)', 'Add a canary', 'Q4'],
    ['Fix the deploy script, deadline 2024-06-30', 'Fix the deploy script', '2024-06-30'],
    ['Write the runbook — due: next sprint', 'Write the runbook', 'next sprint'],
    ['Review alerts (due March 3, 2025)', 'Review alerts', '2025-03-03'],
  ])('%s', (text, rest, due) => {
    expect(item(text)).toMatchObject({ text: rest, due })
  })

  it('leaves a month alone in brackets, "by" in a sentence, "due to" and a placeholder date as text, with no due field', () => {
    for (const text of [
      'Migrate the cluster (March)',
      'Ship the fix by March',
      'Do it (due: TBD)',
      'Lower the limit so it never crashes due to memory exhaustion',
      'Retry (due to load)',
    ]) {
      const got = item(text)!
      expect(got.text).toBe(text)
      expect('due' in got).toBe(false)
    }
  })
})

describe('action items: attributes written inline between dashes or at the end', () => {
  it('takes a labelled status, priority and owner out, leaving no run of dashes', () => {
    expect(item('Rotate artifacts — Owner: Ivy — Priority: high — Status: done')).toMatchObject({
      text: 'Rotate artifacts',
      owner: 'Ivy',
      priority: 'high',
      done: true,
    })
    expect(item('Add a disk alert (status: open)')).toMatchObject({ text: 'Add a disk alert', done: false })
  })

  it('takes an "owner @name" written without a colon, with its label', () => {
    expect(item('Move to a managed relay — owner @ops')).toMatchObject({ text: 'Move to a managed relay', owner: 'ops' })
    expect(item('Review the handover, assignee @priya')).toMatchObject({ text: 'Review the handover', owner: 'priya' })
  })

  it('reads a capitalised priority word at the end, then the owner before it', () => {
    expect(item('Fix the proxy config — @alice HIGH')).toMatchObject({ text: 'Fix the proxy config', owner: 'alice', priority: 'high' })
    expect(item('Lower the TTL LOW')).toMatchObject({ text: 'Lower the TTL', priority: 'low' })
  })

  it('leaves a status word that is only text, and a lower-case priority word at the end', () => {
    expect(item('Show the deploy status in the dashboard')).toMatchObject({ text: 'Show the deploy status in the dashboard', done: null })
    expect(item('Keep the alert threshold low')).toMatchObject({ text: 'Keep the alert threshold low', priority: null })
  })
})

describe('action items: an owner written as its own sentence', () => {
  it.each([
    ['Add old clients to the synthetic checks. Owner: Priya. Due: 30 June.', 'Add old clients to the synthetic checks.', 'Priya'],
    ['Alert on pool saturation. Owner: Kim Lee. Status: open', 'Alert on pool saturation.', 'Kim Lee'],
    ['Rotate the keys, owner: j.doe.', 'Rotate the keys', 'j.doe'],
    ['Write the runbook (owner: Sam)', 'Write the runbook', 'Sam'],
    // Owner labels in other languages, and names beyond ASCII.
    ['Automatische Erneuerung einrichten (Verantwortlich: Team Plattform)', 'Automatische Erneuerung einrichten', 'Team Plattform'],
    ['Warnung vor Ablauf. Zuständig: Jürgen.', 'Warnung vor Ablauf.', 'Jürgen'],
    ['Documenter la procédure (responsable : Zoé)', 'Documenter la procédure', 'Zoé'],
    ['Owner: José García. Add a retry budget', 'Add a retry budget', 'José García'],
  ])('%s', (text, rest, owner) => {
    expect(item(text)).toMatchObject({ text: rest, owner })
  })
})

describe('action items: a name signing the item at its end', () => {
  it.each([
    ['Add a canary for payment deploys (Jane)', 'Add a canary for payment deploys', 'Jane'],
    ['Page on error budget burn — Bob Smith', 'Page on error budget burn', 'Bob Smith'],
    ['Write a runbook for rollback – Carol', 'Write a runbook for rollback', 'Carol'],
    ['Documentar el proceso de renovación -- Luis', 'Documentar el proceso de renovación', 'Luis'],
    ['Ship the fix (Optional)', 'Ship the fix (Optional)', null],
    ['Review retention — March', 'Review retention — March', null],
    ['Rotate keys (Q3)', 'Rotate keys', null],
    ['Upgrade the proxy (see RFC 12)', 'Upgrade the proxy (see RFC 12)', null],
    ['Move to the new cluster (GKE)', 'Move to the new cluster (GKE)', null],
  ])('%s', (text, rest, owner) => {
    expect(item(text)).toMatchObject({ text: rest, owner })
  })
})

describe('action items: tracker labels at the end', () => {
  it.each([
    ['Size pool by worker count (@jdoe) ~"severity::2"', 'Size pool by worker count', 'jdoe', null],
    ['Add saturation alert ~"priority::1" ~"group::package"', 'Add saturation alert', null, 'P1'],
    ['Cut the TTL to ~5 minutes', 'Cut the TTL to ~5 minutes', null, null],
  ])('%s', (text, rest, owner, priority) => {
    expect(item(text)).toMatchObject({ text: rest, owner, priority })
  })
})

describe('action items: an owner beside a due date, in a trailing parenthesis or brackets', () => {
  it.each([
    ['Add a canary for config changes (Platform, Q2)', 'Add a canary for config changes', 'Platform'],
    ['Review the paging policy (SRE team, due 2024-05-01)', 'Review the paging policy', 'SRE team'],
    ['Alert on p99 latency [team: SRE]', 'Alert on p99 latency', 'SRE'],
    ['Rotate the keys [owner: @kim, P2]', 'Rotate the keys', 'kim'],
    ['Document rollback steps — owner: Dana, due 2024-04-01', 'Document rollback steps', 'Dana'],
  ])('%s', (text, rest, owner) => {
    expect(item(text)).toMatchObject({ text: rest, owner })
  })

  it('leaves a parenthesis of names without a date', () => {
    expect(item('Test on both systems (Linux, macOS)')).toMatchObject({ text: 'Test on both systems (Linux, macOS)', owner: null })
    expect(item('Ship it (Bob, maybe)')).toMatchObject({ text: 'Ship it (Bob, maybe)', owner: null })
    expect(item('Upgrade the proxy [see RFC 12]')).toMatchObject({ text: 'Upgrade the proxy [see RFC 12]', owner: null })
  })
})
