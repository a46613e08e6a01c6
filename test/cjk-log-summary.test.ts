import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const summary = (md: string): string => normalizeDocument('log.md', md, options).record.summary

describe('summary of a Korean, Japanese or Chinese status log with no other prose', () => {
  it("takes the first update's content field, not a field of another kind", () => {
    const md =
      '# 장애\n\n#### 2024-05-01 10:00\n\n- 내용: API 서버 오류로 로그인이 되지 않음\n- 지속: 1시간 21분\n\n#### 2024-04-28 22:00\n\n- 원인: 데이터베이스 스키마 불일치로 작업 실패\n\n#### 2024-04-27 21:00\n\n- 내용: 알림 테이블에 신작 알림이 중복으로 생성됨\n'
    expect(summary(md)).toBe('알림 테이블에 신작 알림이 중복으로 생성됨')
  })

  it('takes the first unlabelled sentence of a Japanese log, not a note without a sentence end', () => {
    const md =
      '# 障害ログ\n\n## 2024-05-01 11:30\n\n- 復旧を確認\n\n## 2024-05-01 10:00\n\n- APIサーバーでエラーが多発しログインできない状態です。\n\n## 2024-05-01 09:50\n\n- ファイアウォールに同日の記録あり\n'
    expect(summary(md)).toBe('APIサーバーでエラーが多発しログインできない状態です。')
  })
})
