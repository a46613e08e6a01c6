import { describe, expect, it } from 'vitest'
import { BUILD_PROBLEM, createProblemBoard } from '../src/dev/problems.js'
import type { Diagnostic } from '../src/types.js'

const error: Diagnostic = { severity: 'error', message: 'Bad', line: 1, column: 1, ruleId: 'front-matter-invalid' }
const warning: Diagnostic = { severity: 'warning', message: 'Meh', line: 2, column: 1, ruleId: 'zone-missing' }

describe('problem board', () => {
  it('lists files whose last save has errors, and forgets them once fixed or deleted', () => {
    const board = createProblemBoard()
    board.record(
      [
        { file: 'a.md', diagnostics: [error] },
        { file: 'b.md', diagnostics: [warning] },
        { file: 'c.md', diagnostics: [error] },
      ],
      { full: true, gone: [], cleared: [] },
    )
    expect(board.payload().problems.map((p) => p.file)).toEqual(['a.md', 'c.md'])
    board.record([{ file: 'a.md', diagnostics: [warning] }], { full: false, gone: ['c.md'], cleared: [] })
    expect(board.payload()).toEqual({ problems: [] })
  })

  it('keeps non-content failures until a rebuild succeeds or their key is cleared', () => {
    const board = createProblemBoard()
    board.fail('hindsight.config.json', 'unknown key', 'config-invalid')
    board.fail(BUILD_PROBLEM, 'template broke', 'build-failed')
    expect(board.payload().problems.map((p) => p.file)).toEqual(['hindsight.config.json', BUILD_PROBLEM])
    board.record([], { full: false, gone: [], cleared: [] })
    expect(board.payload().problems.map((p) => p.file)).toEqual(['hindsight.config.json'])
    board.record([], { full: false, gone: [], cleared: ['hindsight.config.json'] })
    expect(board.payload().problems).toEqual([])
  })
})
