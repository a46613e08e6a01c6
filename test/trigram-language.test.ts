import { francAll } from 'franc-min'
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { languageScorer } from '../src/normalize/summary/trigram-language.js'

const CANDIDATES = [
  'eng',
  'deu',
  'fra',
  'jpn',
  'spa',
  'por',
  'ita',
  'nld',
  'rus',
  'cmn',
  'kor',
  'pol',
  'tur',
  'ukr',
  'swe',
  'ces',
  'ron',
  'hun',
  'ind',
  'vie',
  'arb',
  'hin',
  'ell',
  'heb',
  'dan',
  'nob',
  'fin',
  'tha',
  'bul',
  'srp',
  'hrv',
  'slk',
  'cat',
]
const score = languageScorer(CANDIDATES)
const franc = (text: string, minLength: number): unknown => francAll(text, { minLength, only: CANDIDATES })

/** Every fixture input, in 600-character pieces with white space collapsed (as language.ts feeds franc). */
function fixturePieces(): string[] {
  const dir = path.join(import.meta.dirname, 'fixtures')
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    for (const file of readdirSync(path.join(dir, name)).filter((f) => f.startsWith('input'))) {
      const text = readFileSync(path.join(dir, name, file), 'utf8').replace(/\s+/g, ' ')
      for (let i = 0; i < text.length; i += 450) out.push(text.slice(i, i + 600))
    }
  }
  return out
}

describe('trigram language scorer', () => {
  it.each([
    ['English', 'The database cluster stopped accepting writes after the migration locked the users table for twenty minutes.'],
    ['German', 'Die Datenbank war nach der Migration für zwanzig Minuten nicht erreichbar, weil die Tabelle gesperrt wurde.'],
    ['French', "La base de données n'était plus accessible pendant vingt minutes après la migration du tableau des utilisateurs."],
    ['Japanese', '障害が発生しました。データベースのテーブルがロックされ、二十分間サービスが停止しました。復旧しました。'],
    ['Russian', 'База данных была недоступна двадцать минут после миграции, потому что таблица пользователей была заблокирована.'],
    ['Greek', 'Η βάση δεδομένων δεν ήταν διαθέσιμη για είκοσι λεπτά μετά τη μετανάστευση του πίνακα χρηστών.'],
    ['Korean', '데이터베이스가 마이그레이션 후 이십 분 동안 사용할 수 없었습니다. 사용자 테이블이 잠겼습니다.'],
    ['Hebrew', 'מסד הנתונים לא היה זמין במשך עשרים דקות לאחר ההעברה של טבלת המשתמשים בגלל נעילה'],
    ['short', 'Down.'],
    ['digits only', '1234567890 1234567890 1234567890 1234567890 1234567890 1234567890 1234'],
    ['empty', ''],
  ])('gives franc-min’s scores on %s text', (_, text) => {
    for (const min of [10, 20, 60]) expect(score(text, min)).toEqual(franc(text, min))
  })

  it('gives franc-min’s scores on every fixture, piece by piece', () => {
    const pieces = fixturePieces()
    expect(pieces.length).toBeGreaterThan(50)
    for (const piece of pieces) expect(score(piece, 20)).toEqual(franc(piece, 20))
  })

  it('gives franc-min’s scores on any text', () => {
    const words = fc.constantFrom('the', 'und', 'le', 'de', 'der', 'outage', 'Ausfall', 'panne', '障害', 'база', 'ñ', 'ß', '42', '!', ' ', '\n', 'é', 'ç', 'ø')
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 80 }), (parts) => {
        const text = parts.join(' ')
        expect(score(text, 20)).toEqual(franc(text, 20))
      }),
      { numRuns: 200 },
    )
  })
})
