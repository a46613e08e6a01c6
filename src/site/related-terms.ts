/**
 * What relatedness may say two root causes share: named technologies (a fixed lexicon of infrastructure software and
 * protocols) and named systems (identifiers the authors wrote as code or as a service's name), never ordinary words.
 */
import type { PostmortemRecord } from '../types.js'

/** Kinds of root-cause term, as the related list says them. */
export type TermKind = 'technology' | 'system'

/** Technologies by the words that name them (lower-case tokens); variants map onto one label. */
const TECHNOLOGIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    postgres: ['postgres', 'postgresql', 'pgbouncer'],
    mysql: ['mysql', 'mariadb', 'innodb'],
    mongodb: ['mongodb', 'mongo'],
    redis: ['redis'],
    memcached: ['memcached', 'memcache'],
    elasticsearch: ['elasticsearch', 'opensearch'],
    cassandra: ['cassandra'],
    kafka: ['kafka'],
    rabbitmq: ['rabbitmq'],
    zookeeper: ['zookeeper'],
    etcd: ['etcd'],
    kubernetes: ['kubernetes', 'k8s', 'kubelet', 'kubectl'],
    docker: ['docker'],
    nginx: ['nginx'],
    haproxy: ['haproxy'],
    istio: ['istio'],
    varnish: ['varnish'],
    terraform: ['terraform'],
    ansible: ['ansible'],
    jenkins: ['jenkins'],
    github: ['github'],
    gitlab: ['gitlab'],
    ceph: ['ceph'],
    nfs: ['nfs'],
    zfs: ['zfs'],
    raid: ['raid'],
    bgp: ['bgp'],
    dns: ['dns', 'dnssec'],
    tls: ['tls', 'ssl', 'https'],
    cdn: ['cdn'],
    cloudflare: ['cloudflare'],
    fastly: ['fastly'],
    akamai: ['akamai'],
    aws: ['aws'],
    s3: ['s3'],
    ec2: ['ec2'],
    ebs: ['ebs'],
    rds: ['rds'],
    dynamodb: ['dynamodb'],
    gcp: ['gcp', 'gce', 'gke'],
    azure: ['azure'],
    openstack: ['openstack'],
    vmware: ['vmware'],
    linux: ['linux', 'kernel'],
    jvm: ['jvm', 'java'],
    'node.js': ['node.js', 'nodejs'],
    ruby: ['ruby'],
    python: ['python'],
    php: ['php'],
    golang: ['golang'],
    ldap: ['ldap'],
    oauth: ['oauth', 'oidc'],
    saml: ['saml'],
    smtp: ['smtp'],
    ntp: ['ntp'],
    vpn: ['vpn'],
    ipv6: ['ipv6'],
    graphql: ['graphql'],
    grpc: ['grpc'],
    prometheus: ['prometheus'],
    grafana: ['grafana'],
    pagerduty: ['pagerduty'],
    hadoop: ['hadoop'],
    ntfs: ['ntfs'],
    btrfs: ['btrfs'],
    ext4: ['ext4'],
    iptables: ['iptables'],
    systemd: ['systemd'],
    cron: ['cron', 'crontab'],
  }).flatMap(([label, words]) => words.map((w): [string, string] => [w, label])),
)

/** Nouns after which a name is a system's (`the billing-api service`, `Payments cluster`). */
const SYSTEM_NOUN =
  /^(?:service|services|cluster|server|servers|api|database|db|queue|worker|workers|pipeline|proxy|gateway|daemon|job|backend|frontend|host|hosts|node|nodes|instance|instances)$/i

/** Whether a token reads as a system's name rather than a word: it has a hyphen, underscore, dot or digit inside, or is capitalised. */
const NAME_LIKE = /^(?=.{3,40}$)[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)+$|^(?=.{3,40}$)\p{Lu}[\p{Ll}\p{N}]+$/u

/** Capitalised words that name no system. */
const COMMON = new Set(
  'the this that these those our we an a it its their when after before during while then there on in at of for and or but if as all any some one two'.split(
    ' ',
  ),
)

/** Plain identifiers from the code spans of HTML (`<code>billing-api</code>`), bounded by the HTML's length. */
function codeSpans(html: string): string[] {
  return [...html.matchAll(/<code>([^<]{3,40})<\/code>/g)]
    .map((m) => m[1]!)
    .filter((c) => /^[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}]$/u.test(c) && /[\p{L}]/u.test(c))
}

/** The technology and system terms of a record's root-cause and trigger sections, as `kind:label`, in order of first use. */
export function causeTerms(record: PostmortemRecord): string[] {
  const sections = record.sections.filter((s) => s.key === 'rootCause' || s.key === 'trigger')
  const out = new Set<string>()
  for (const section of sections) {
    const tokens = section.text.match(/[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? []
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!
      const technology = TECHNOLOGIES.get(token.toLowerCase())
      if (technology) out.add(`technology:${technology}`)
      else if (SYSTEM_NOUN.test(tokens[i + 1] ?? '') && NAME_LIKE.test(token) && !COMMON.has(token.toLowerCase()) && !TECHNOLOGIES.has(token.toLowerCase()))
        out.add(`system:${token.toLowerCase()}`)
    }
    for (const code of codeSpans(section.html)) if (!TECHNOLOGIES.has(code.toLowerCase())) out.add(`system:${code.toLowerCase()}`)
  }
  return [...out]
}

/** The kind and label of a term made by `causeTerms`. */
export function readTerm(term: string): { kind: TermKind; label: string } {
  const at = term.indexOf(':')
  return { kind: term.slice(0, at) as TermKind, label: term.slice(at + 1) }
}
