// Seeded synthetic postmortem archives shaped like the real ones in content/: YAML and TOML front matter or none,
// Markdown headings, bold-key fields, or plain-text bare-line headings; table and list timelines; several sites and tags.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Small seeded PRNG (mulberry32), so the same seed gives the same archive byte for byte. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SITES = ['usegalaxy-eu', 'open-build-service', 'payments', 'storage-team', 'edge-network', 'identity', 'data-platform', 'mobile-api']
const TAGS = [
  'database',
  'migration',
  'deploy',
  'dns',
  'network',
  'configuration',
  'capacity',
  'storage',
  'certificate',
  'authentication',
  'third-party',
  'security',
  'downtime',
  'devops',
  'kubernetes',
  'cache',
  'queue',
  'monitoring',
]
const SYSTEMS = [
  'login service',
  'database cluster',
  'object storage',
  'load balancer',
  'DNS resolver',
  'build workers',
  'payment gateway',
  'search cluster',
  'message queue',
  'API gateway',
  'CDN edge',
  'Kubernetes control plane',
  'Redis cache',
  'certificate manager',
  'backup job',
  'replica set',
]
const CAUSES = [
  'a database migration locked the users table',
  'an expired TLS certificate on the internal proxy',
  'a configuration change disabled health checks',
  'the disk on the primary filled up with audit logs',
  'a DNS record was deleted by an automation script',
  'a deploy shipped an incompatible schema change',
  'the upstream provider throttled our API keys',
  'a memory leak in the new release exhausted the nodes',
  'a network partition split the replica set',
  'a cron job retried without backoff and overloaded the queue',
]
const VERBS = [
  'noticed',
  'investigated',
  'rolled back',
  'restarted',
  'scaled up',
  'paged the on-call engineer for',
  'failed over',
  'restored',
  'verified',
  'drained',
  'patched',
  'escalated',
]
const WORDS =
  'the team service users requests errors latency alert dashboard primary replica traffic region deploy release rollback config migration table index backup restore queue worker cache node cluster incident customers minutes monitoring threshold capacity storage volume certificate token provider upstream network packet firewall subnet timeout retry backoff schema lock outage degraded recovered investigated confirmed mitigated escalated documented'.split(
    ' ',
  )
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const ZONES = ['UTC', 'CEST', 'EST', 'PST', 'Europe/Berlin', 'America/New_York']

/** Writes `count` postmortems under `dir` (site folders plus some at the top level); returns the relative paths. */
export function generateArchive(dir, count, seed = 42) {
  const rand = prng(seed)
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1))
  const sentence = (n = int(8, 20)) => {
    const words = Array.from({ length: n }, () => pick(WORDS))
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.'
  }
  const paragraph = () => Array.from({ length: int(2, 5) }, () => sentence()).join(' ')
  const pad = (n) => String(n).padStart(2, '0')
  const files = []
  for (let i = 0; i < count; i++) {
    const year = int(2016, 2025)
    const month = int(1, 12)
    const day = int(1, 28)
    const date = `${year}-${pad(month)}-${pad(day)}`
    const system = pick(SYSTEMS)
    const cause = pick(CAUSES)
    const title = `${system.replace(/^./, (c) => c.toUpperCase())} ${pick(['outage', 'degradation', 'partial outage', 'incident', 'downtime'])} ${i}`
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/-$/, '')
    const site = rand() < 0.85 ? pick(SITES) : null
    const tags = [...new Set(Array.from({ length: int(1, 4) }, () => pick(TAGS)))]
    const zone = pick(ZONES)
    let hour = int(0, 18)
    let minute = int(0, 30)
    const events = Array.from({ length: int(4, 12) }, () => {
      minute += int(3, 40)
      hour += Math.floor(minute / 60)
      minute %= 60
      return { time: `${pad(Math.min(hour, 23))}:${pad(minute)}`, text: `We ${pick(VERBS)} the ${pick(SYSTEMS)}. ${sentence(int(5, 14))}` }
    })
    const actions = Array.from(
      { length: int(2, 6) },
      () =>
        `${pick(['Add', 'Improve', 'Automate', 'Document', 'Test'])} ${pick(WORDS)} ${pick(['alerting', 'runbooks', 'backups', 'checks', 'limits', 'dashboards'])} for the ${pick(SYSTEMS)}`,
    )
    const format = i % 4
    let text
    if (format === 0) {
      text = `---\ntitle: ${title}\ndate: ${date}\n${site ? `site: ${site}\n` : ''}tags: [${tags.join(', ')}]\nauthor: ${pick(['hexylena', 'alice', 'bob', 'sre-team'])}\nseverity: ${pick(['SEV1', 'SEV2', 'SEV3'])}\n---\n\n${paragraph()}\n\n## Incident Timeline\n\nDate | Time | State\n---- | ---- | ----\n${events.map((e) => `${MONTHS[month - 1]} ${day} | ${e.time} | ${e.text}`).join('\n')}\n\n## Root Cause\n\nThe root cause was that ${cause}. ${paragraph()}\n\n## Resolution\n\n${paragraph()}\n\n## Action Items\n\n${actions.map((a) => `- [${rand() < 0.5 ? 'x' : ' '}] ${a}`).join('\n')}\n\n## Conclusion\n\n${paragraph()}\n`
    } else if (format === 1) {
      text = `## ${title}\n\n${paragraph()}\n\n**Date**: ${pad(day)}.${pad(month)}.${year}\n\n**Impact**: ${sentence()}\n\n**Root Causes**: ${cause.replace(/^./, (c) => c.toUpperCase())}.\n\n**Trigger**: ${sentence()}\n\n**Resolution**: ${sentence()}\n\n**Detection**: ${sentence()}\n\n## Lessons Learned\n**What went well?**\n\n${sentence()}\n\n**What went wrong?**\n\n${Array.from({ length: int(1, 3) }, () => `* ${sentence()}`).join('\n')}\n\n**Where we got lucky?**\n\n${sentence()}\n\n## Timeline (${zone})\n${events.map((e) => `- *${e.time}* ${e.text}`).join('\n')}\n`
    } else if (format === 2) {
      const ampm = (t) => {
        const [h, m] = t.split(':').map(Number)
        return `${h % 12 || 12}:${pad(m)} ${h < 12 ? 'AM' : 'PM'}`
      }
      text = `Postmortem\n\n\nIssue Summary:\nDuration: ${MONTHS[month - 1]} ${day}, ${year}, ${ampm(events[0].time)} ${zone} - ${MONTHS[month - 1]} ${day}, ${year}, ${ampm(events.at(-1).time)} ${zone}\nImpact: ${sentence()}\n\nRoot Cause: ${cause.replace(/^./, (c) => c.toUpperCase())}. ${sentence()}\n\nTimeline:\n\n${events.map((e) => `${ampm(e.time)}: ${e.text}`).join('\n')}\nRoot Cause and Resolution:\n${paragraph()}\n\nCorrective and Preventative Measures:\n${actions.join('\n')}\n`
    } else {
      text = `+++\ntitle = "${title}"\ndate = ${date}\n${site ? `site = "${site}"\n` : ''}tags = [${tags.map((t) => `"${t}"`).join(', ')}]\n+++\n\n# ${title}\n\n## Summary\n\n${paragraph()}\n\n## Impact\n\n${paragraph()}\n\n## Timeline\n\nAll times ${zone}.\n\n${events.map((e) => `- ${date} ${e.time} ${e.text}`).join('\n')}\n\n## Root Cause\n\n${cause.replace(/^./, (c) => c.toUpperCase())}. ${paragraph()}\n\n## Action Items\n\n| Action | Owner | Status |\n| --- | --- | --- |\n${actions.map((a) => `| ${a} | ${pick(['alice', 'bob', 'carol'])} | ${pick(['done', 'open'])} |`).join('\n')}\n\n## Lessons Learned\n\n${paragraph()}\n`
    }
    const rel = path.join(site && rand() < 0.9 ? site : '', `${date}-${slug}.md`)
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), text)
    files.push(rel)
  }
  return files
}
