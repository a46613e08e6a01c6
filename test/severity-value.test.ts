import { describe, expect, it } from 'vitest'
import { severityValue } from '../src/normalize/structure/severity-value.js'

describe('severity value: the level without the explanation', () => {
  it.each([
    ['SEV-3 (CI/CD pipeline availability; no production impact)', 'SEV-3'],
    ['**Sev 2** (major)', 'Sev 2'],
    ['High — customer facing', 'High'],
    ['P1; paged the on-call', 'P1'],
    ['Critical', 'Critical'],
    ['SEV-1', 'SEV-1'],
    ['1 - Critical', '1 - Critical'],
    ['', null],
  ])('%s -> %s', (raw, level) => {
    expect(severityValue(raw)).toBe(level)
  })
})
