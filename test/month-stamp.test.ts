/** Timelines of long projects date events by month only: those events are kept with their month, never dropped. */
import { describe, expect, it } from 'vitest'
import { readMonthStamp } from '../src/normalize/time/month-stamp.js'

describe('readMonthStamp', () => {
  it('reads an ISO month, a named month and an abbreviated one, each before a separator', () => {
    expect(readMonthStamp('2015-10: Two servers provisioned.')).toEqual({ month: '2015-10', rest: 'Two servers provisioned.' })
    expect(readMonthStamp('2016/03 - storage abandoned')).toEqual({ month: '2016-03', rest: 'storage abandoned' })
    expect(readMonthStamp('March 2016 – the team gives up')).toEqual({ month: '2016-03', rest: 'the team gives up' })
    expect(readMonthStamp('Sept. 2019: contract signed')).toEqual({ month: '2019-09', rest: 'contract signed' })
    expect(readMonthStamp('**2016-04: EVENT OVER**')).toEqual({ month: '2016-04', rest: 'EVENT OVER' })
  })

  it('leaves full dates, bare months, versions and impossible months to other readers', () => {
    expect(readMonthStamp('2015-10-04: failover')).toBeNull()
    expect(readMonthStamp('October 3, 2015: failover')).toBeNull()
    expect(readMonthStamp('2015-10')).toBeNull()
    expect(readMonthStamp('October 2015')).toBeNull()
    expect(readMonthStamp('2015-13: nothing')).toBeNull()
    expect(readMonthStamp('2.0: released')).toBeNull()
    expect(readMonthStamp('May 2016 was busy')).toBeNull()
    expect(readMonthStamp('2015-10: 42')).toBeNull()
  })
})
