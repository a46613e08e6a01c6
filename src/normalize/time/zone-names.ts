/**
 * The zone names authors write, as data: upper-case abbreviations and region words, each an IANA zone, a fixed offset
 * in minutes, or a region's standard or daylight offset (an abbreviation that states its season); see zones.ts.
 */
export const LA = 'America/Los_Angeles'
export const NY = 'America/New_York'
export const CHI = 'America/Chicago'
export const DEN = 'America/Denver'
const BER = 'Europe/Berlin'

/** An abbreviation or region word that states its season: the region's standard or daylight offset, as written. */
export interface SeasonZone {
  region: string
  season: 'standard' | 'daylight'
}

export const standard = (region: string): SeasonZone => ({ region, season: 'standard' })
export const daylight = (region: string): SeasonZone => ({ region, season: 'daylight' })

/** Upper-case abbreviations, matched as whole words with their case (so "cat" or "west" in prose never match). */
export const ABBREVIATIONS: Record<string, string | number | SeasonZone> = {
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
  ZULU: 0,
  CET: standard(BER),
  CEST: daylight(BER),
  MEZ: standard(BER),
  MESZ: daylight(BER),
  WET: standard('Europe/Lisbon'),
  WEST: daylight('Europe/Lisbon'),
  BST: daylight('Europe/London'),
  EET: standard('Europe/Helsinki'),
  EEST: daylight('Europe/Helsinki'),
  MSK: 'Europe/Moscow',
  EST: standard(NY),
  EDT: daylight(NY),
  ET: NY,
  CST: standard(CHI),
  CDT: daylight(CHI),
  CT: CHI,
  MST: standard(DEN),
  MDT: daylight(DEN),
  MT: DEN,
  PST: standard(LA),
  PDT: daylight(LA),
  PT: LA,
  PCT: LA,
  AKST: standard('America/Anchorage'),
  AKDT: daylight('America/Anchorage'),
  HST: standard('Pacific/Honolulu'),
  SAST: 120,
  CAT: 120,
  EAT: 180,
  WAT: 60,
  IST: standard('Asia/Kolkata'),
  JST: standard('Asia/Tokyo'),
  KST: standard('Asia/Seoul'),
  SGT: standard('Asia/Singapore'),
  HKT: standard('Asia/Hong_Kong'),
  AEST: standard('Australia/Sydney'),
  AEDT: daylight('Australia/Sydney'),
  ACST: standard('Australia/Adelaide'),
  ACDT: daylight('Australia/Adelaide'),
  AWST: standard('Australia/Perth'),
  NZST: standard('Pacific/Auckland'),
  NZDT: daylight('Pacific/Auckland'),
  BRT: standard('America/Sao_Paulo'),
  ART: -180,
  ICT: 420,
  WIB: 420,
  PHT: 480,
  PKT: 300,
  NPT: 345,
  AST: standard('America/Halifax'),
  ADT: daylight('America/Halifax'),
  NST: standard('America/St_Johns'),
  NDT: daylight('America/St_Johns'),
}

/** Region words, read with or without "(standard|daylight|summer) time" after them, any case. */
export const REGIONS: Record<string, string | number> = {
  pacific: LA,
  eastern: NY,
  central: CHI,
  mountain: DEN,
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  'central european': BER,
  'western european': 'Europe/Lisbon',
  'eastern european': 'Europe/Helsinki',
  british: 'Europe/London',
  'greenwich mean': 0,
  'coordinated universal': 0,
  universal: 0,
  'south african': 120,
  'south africa': 120,
  'central africa': 120,
  'east africa': 180,
  'west africa': 60,
  'west african': 60,
  'east african': 180,
  'central african': 120,
  indochina: 420,
  china: 'Asia/Shanghai',
  beijing: 'Asia/Shanghai',
  philippine: 'Asia/Manila',
  israel: 'Asia/Jerusalem',
  arabia: 'Asia/Riyadh',
  gulf: 'Asia/Dubai',
  argentina: -180,
  brasilia: 'America/Sao_Paulo',
  atlantic: 'America/Halifax',
  newfoundland: 'America/St_Johns',
  india: 'Asia/Kolkata',
  indian: 'Asia/Kolkata',
  japan: 'Asia/Tokyo',
  korea: 'Asia/Seoul',
  singapore: 'Asia/Singapore',
  'australian eastern': 'Australia/Sydney',
  'new zealand': 'Pacific/Auckland',
  moscow: 'Europe/Moscow',
}

/**
 * French region words after "heure de" ("heure de l'Est"): Canada's zones for North America's regions, as French
 * speakers there write them (so their day-first dates stay day-first), Berlin's and its neighbours' for Europe's.
 */
export const FRENCH_REGIONS: Record<string, string> = {
  est: 'America/Toronto',
  pacifique: 'America/Vancouver',
  centre: 'America/Winnipeg',
  rocheuses: 'America/Edmonton',
  atlantique: 'America/Halifax',
  'terre-neuve': 'America/St_Johns',
  'europe centrale': BER,
  'europe occidentale': 'Europe/Lisbon',
  'europe orientale': 'Europe/Helsinki',
}
