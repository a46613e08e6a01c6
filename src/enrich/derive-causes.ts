import type { PostmortemRecord } from '../types.js'
import { compileVocabulary } from './derive-tags.js'

/** One cause category: its id (a URL slug), the label readers see, and the words and stems (word-prefix matches) that suggest it. */
export interface CauseCategory {
  id: string
  label: string
  words: string[]
}

/**
 * The documented set of cause categories (docs/cause-categories.md), in display order. Words match at the start of a
 * word, case-insensitively (`deploy` matches `deployment`, `expir` matches `expired`), in the root-cause and trigger sections.
 */
export const CAUSE_CATEGORIES: readonly CauseCategory[] = [
  {
    id: 'configuration',
    label: 'Configuration change',
    words: ['config', 'misconfig', 'mis-config', 'setting', 'feature flag', 'feature toggle', 'parameter', 'wrong value', 'incorrect value'],
  },
  {
    id: 'deploy',
    label: 'Deploy',
    words: [
      'deploy',
      'rollout',
      'roll out',
      'rolled out',
      'rolling out',
      'new release',
      'the release',
      'a release',
      'new version',
      'upgrade',
      'code change',
      'software update',
      'pushed to production',
      'regression',
    ],
  },
  {
    id: 'capacity',
    label: 'Capacity',
    words: [
      'capacity',
      'overload',
      'exhausted',
      'exhaustion',
      'exhausting',
      'saturat',
      'out of memory',
      'oom',
      'memory leak',
      'ran out of',
      'running out of',
      'traffic spike',
      'spike in',
      'surge',
      'quota',
      'rate limit',
      'throttl',
      'too many connections',
      'connection pool',
      'disk full',
      'disk space',
      'filled up',
      'filling up',
      'no space left',
      'autoscal',
      'not enough',
      'starvation',
      'utilization',
      'utilisation',
      'high load',
      'heavy load',
    ],
  },
  {
    id: 'dependency',
    label: 'Dependency or third party',
    words: [
      'third-party',
      'third party',
      '3rd party',
      'vendor',
      'provider',
      'upstream',
      'external service',
      'external dependency',
      'dependenc',
      'supplier',
      'partner',
    ],
  },
  { id: 'certificate', label: 'Certificate or expiry', words: ['certificate', 'cert', 'expir', 'expired', 'renewal', 'renew', 'ssl', 'tls'] },
  { id: 'dns', label: 'DNS', words: ['dns', 'nameserver', 'name server', 'resolver', 'domain name', 'registrar', 'zone file'] },
  {
    id: 'database',
    label: 'Database',
    words: [
      'database',
      'db',
      'mysql',
      'postgres',
      'mariadb',
      'mongo',
      'sql',
      'replica',
      'replication',
      'query',
      'queries',
      'deadlock',
      'transaction',
      'schema',
      'table lock',
      'index',
      'primary key',
    ],
  },
  {
    id: 'network',
    label: 'Network',
    words: [
      'network',
      'connectivity',
      'packet',
      'bgp',
      'router',
      'routing',
      'firewall',
      'load balancer',
      'load-balancer',
      'fiber',
      'fibre',
      'isp',
      'vpn',
      'partition',
      'peering',
      'subnet',
      'ip address',
      'network switch',
      'interconnect',
    ],
  },
  {
    id: 'hardware',
    label: 'Hardware',
    words: [
      'hardware',
      'disk failure',
      'failed disk',
      'drive failure',
      'failed drive',
      'power outage',
      'power failure',
      'power loss',
      'power supply',
      'psu',
      'ups',
      'raid',
      'dimm',
      'memory module',
      'motherboard',
      'ssd',
      'hdd',
      'cooling',
      'overheat',
      'hardware fault',
      'faulty hardware',
      'fan failure',
    ],
  },
  {
    id: 'human-error',
    label: 'Human error',
    words: [
      'human error',
      'mistake',
      'mistaken',
      'accident',
      'inadvertent',
      'manual',
      'by hand',
      'typo',
      'operator error',
      'fat finger',
      'wrong command',
      'unintention',
      'oversight',
    ],
  },
  {
    id: 'security',
    label: 'Security',
    words: [
      'security',
      'attack',
      'ddos',
      'denial of service',
      'breach',
      'malicious',
      'compromise',
      'vulnerab',
      'exploit',
      'unauthori',
      'phishing',
      'intrusion',
      'leaked',
      'leaking',
      'credentials',
      'secret',
      'injection',
    ],
  },
]

const VOCABULARY: Record<string, string[]> = Object.fromEntries(CAUSE_CATEGORIES.map((c) => [c.id, c.words]))
const ORDER = new Map(CAUSE_CATEGORIES.map((c, i) => [c.id, i]))

/** The label of a category id (the id itself when unknown). */
export const causeLabel = (id: string): string => CAUSE_CATEGORIES[ORDER.get(id) ?? -1]?.label ?? id

/** Groups of cause categories (anything with a `slug` that is a category id) in the documented order rather than by name. */
export const sortCauses = <T extends { slug: string }>(groups: T[]): T[] => [...groups].sort((a, b) => (ORDER.get(a.slug) ?? 99) - (ORDER.get(b.slug) ?? 99))

/** The text cause categories are read from: the title with the root-cause and trigger sections, else (a postmortem without them) with the summary. */
export function causeSourceText(record: PostmortemRecord): string {
  const sections = record.sections.filter((s) => s.key === 'rootCause' || s.key === 'trigger').map((s) => s.text)
  return [record.title ?? '', ...(sections.length ? sections : [record.summary])].join('\n')
}

/** Most categories one postmortem gets: a cause section names many things in passing, and the strongest few say what it was. */
export const MAX_CAUSES = 3

/** Each category's matcher, global, to count its words in a text (bounded by the text's length: one pass per category). */
const COUNTERS = compileVocabulary(VOCABULARY).map(([id, pattern]) => ({ id, pattern: new RegExp(pattern.source, 'giu') }))

/**
 * The cause categories a postmortem's root-cause and trigger sections suggest, in the documented order: each category's
 * words are counted, and those counted at least half as often as the strongest are kept (at most `MAX_CAUSES`). Derived
 * from the text by the same word matching as suggested tags, and kept apart from anything the author wrote.
 */
export function deriveCauses(record: PostmortemRecord): string[] {
  const text = causeSourceText(record)
  if (!text.trim()) return []
  const counted = COUNTERS.map(({ id, pattern }) => ({ id, count: text.match(pattern)?.length ?? 0 })).filter((c) => c.count > 0)
  const top = Math.max(0, ...counted.map((c) => c.count))
  return counted
    .filter((c) => c.count * 2 >= top)
    .sort((a, b) => b.count - a.count || ORDER.get(a.id)! - ORDER.get(b.id)!)
    .slice(0, MAX_CAUSES)
    .map((c) => c.id)
    .sort((a, b) => ORDER.get(a)! - ORDER.get(b)!)
}
