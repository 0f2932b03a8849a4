import { describe, expect, it } from 'vitest'
import {
  agenciesInDateline,
  creditCorrespondents,
  kindOf,
  namesInByline,
} from '../../src/main/correspondents'

/*
 * Bylines as news sites of 2023–2026 print them in Polish, Dutch, Portuguese, Italian, Turkish,
 * Russian, Ukrainian, Japanese, Chinese, Korean, Arabic, Hebrew and Greek, and the datelines of
 * those countries' agencies. Names in other scripts are credited as written. The forms that were
 * read right already (listed in docs/correspondents.md) are not repeated here.
 */

const story =
  'The council met on Monday and voted to keep the old bridge open for another year, after a long debate about its cost.'

/** What the reader is shown as "who wrote it" for a plain-text story (no page markup). */
const credited = (...lines: string[]): string[] =>
  creditCorrespondents({
    document: null,
    url: null,
    byline: null,
    text: lines.join('\n\n'),
    siteName: null,
  }).map((c) => `${c.name} (${c.kind})`)

describe('bylines of other languages, as the byline slot gives them', () => {
  it.each([
    // A photographer's label of Turkish, Greek, Arabic, Hebrew, Chinese, Japanese, Korean.
    ['Haber: Ahmet Yılmaz | Fotoğraf: Mehmet Kaya', ['Ahmet Yılmaz']],
    ['Γράφει η Μαρία Παπαδοπούλου | Φωτογραφία: Νίκος Γεωργίου', ['Μαρία Παπαδοπούλου']],
    ['بقلم: محمد علي | تصوير: أحمد حسن', ['محمد علي']],
    ['מאת דני כהן | צילום: יוסי לוי', ['דני כהן']],
    // An agency's desk is the agency.
    ['Redazione ANSA', ['ANSA']],
    ['Редакция ТАСС', ['TASS']],
    ['Yonhap News', ['Yonhap']],
  ])('reads %j as %j', (raw, names) => {
    expect(namesInByline(raw)).toEqual(names)
  })

  it('reads Indonesian "Oleh" (by) before a name, and keeps the Ukrainian given name Oleh', () => {
    expect(namesInByline('Oleh Budi Santoso')).toEqual(['Budi Santoso'])
    expect(namesInByline('Oleh Sentsov')).toEqual(['Oleh Sentsov'])
  })

  it('reads a Japanese agency written whole as the agency, not a name after it', () => {
    // "共同通信" is Kyodo; "共同" alone is its short form, so "通信" was credited as a person.
    expect(namesInByline('共同通信')).toEqual(['Kyodo'])
  })

  it.each([
    ['Haber Merkezi', 'team'],
    ['Spor Servisi', 'team'],
    ['온라인뉴스팀', 'team'],
    ['מערכת', 'team'],
    ['التحرير', 'team'],
    ['Η Σύνταξη', 'team'],
  ])('credits the desk %j as a team', (name, kind) => {
    expect(kindOf(name)).toBe(kind)
  })
})

describe('bylines printed as a line of the story', () => {
  it.each([
    ['A cura di Giulia Bianchi', 'Giulia Bianchi (person)'],
    ['Haber: Ahmet Yılmaz', 'Ahmet Yılmaz (person)'],
    ['山田太郎記者', '山田太郎 (person)'],
    ['记者 王小明', '王小明 (person)'],
    ['文/王小明', '王小明 (person)'],
    ['김철수 기자', '김철수 (person)'],
    ['بقلم: محمد علي', 'محمد علي (person)'],
    ['מאת דני כהן', 'דני כהן (person)'],
    ['Του Γιώργου Παπαδόπουλου', 'Γιώργου Παπαδόπουλου (person)'],
  ])('credits %j above the story', (line, who) => {
    expect(credited(line, story)).toEqual([who])
  })

  it.each([
    ['김철수 기자 kimcs@yna.co.kr', '김철수 (person)'],
    ['칼럼니스트 박생강 pillgoo9@gmail.com', '박생강 (person)'],
    ['(记者 王小明)', '王小明 (person)'],
  ])('credits %j signing the story’s end', (line, who) => {
    expect(credited(story, line)).toEqual([who])
  })

  it.each([
    ['Oleh Budi Santoso', 'Budi Santoso (person)'],
    ['Penulis: Budi Santoso', 'Budi Santoso (person)'],
    ['OSEN=김철수 기자', '김철수 (person)'],
  ])('credits %j above the story, in Indonesian and Korean', (line, who) => {
    expect(credited(line, story)).toEqual([who])
  })

  it('credits a name and its agency in brackets signing the story', () => {
    expect(credited(story, 'Piotr Nowak (PAP)')).toEqual(['Piotr Nowak (person)', 'PAP (agency)'])
  })

  it('reads a Japanese reporter’s title after the name, never a heading that starts with 記者', () => {
    expect(credited('佐藤花子記者', story)).toEqual(['佐藤花子 (person)'])
    // "記者会見を開いた": a press conference was held.
    expect(credited('記者会見を開いた', story)).toEqual([])
  })
})

describe('the datelines of national agencies', () => {
  it.each([
    // A weekday and the year, with their commas, before the agency.
    ['RAMALLAH, Tuesday, December 3, 2024 (WAFA) - The ministry said.', ['WAFA']],
    // The agency between slashes, as TASS and Ukrinform print it.
    ['МОСКВА, 3 декабря. /ТАСС/. Правительство заявило о новых мерах.', ['TASS']],
    ['КИЇВ, 3 грудня /Укрінформ/. Уряд заявив про нові заходи.', ['Ukrinform']],
    // The agency after the dash, ending its sentence (RIA Novosti).
    ['МОСКВА, 3 дек — РИА Новости. Правительство заявило о новых мерах.', ['RIA Novosti']],
    // The place and the agency around an equals sign (Yonhap in Korean).
    ['(서울=연합뉴스) 김철수 기자 = 정부는 3일 새 대책을 발표했다.', ['Yonhap']],
    // The agency, the place and the day, then 电 (Xinhua in Chinese).
    ['新华社北京12月3日电 国务院3日发布新措施。', ['Xinhua']],
    // The place and the agency in lenticular brackets (Kyodo, Jiji in Japanese).
    ['【ワシントン共同】米政府は3日、新たな措置を発表した。', ['Kyodo']],
    ['【北京＝時事】中国政府は3日、新たな措置を発表した。', ['Jiji Press']],
  ])('finds the agency of %j', (line, agencies) => {
    expect(agenciesInDateline(line)).toEqual(agencies)
  })

  it.each([
    // A script without capitals opens the place: Arabic and Hebrew datelines.
    ['القاهرة (رويترز) - قالت الحكومة إنها ستتخذ إجراءات جديدة.', ['Reuters']],
    ['ירושלים (רויטרס) - הממשלה הודיעה על צעדים חדשים.', ['Reuters']],
    // TASS's correspondent inside the slashes.
    ['ВАРШАВА, 3 декабря. /Корр. ТАСС Иван Петров/. Правительство заявило.', ['TASS']],
  ])('finds the agency of %j', (line, agencies) => {
    expect(agenciesInDateline(line)).toEqual(agencies)
  })

  it('credits the agency closing an Italian story in brackets before its full stop', () => {
    expect(credited(story, 'Il governo ha approvato il decreto nella notte. (ANSA).')).toEqual([
      'ANSA (agency)',
    ])
  })

  it.each([
    [
      '(서울=연합뉴스) 김철수 기자 = 정부는 3일 새 대책을 발표했다고 밝혔다.',
      ['김철수 (person)', 'Yonhap (agency)'],
    ],
    // A paper's own dateline: its reporter, no agency.
    [
      '(서울=뉴스1) 김철수 이영희 기자 = 정부는 3일 새 대책을 발표했다고 밝혔다.',
      ['김철수 (person)', '이영희 (person)'],
    ],
    ['新华社北京12月3日电（记者 王小明）国务院3日发布新措施。', ['王小明 (person)', 'Xinhua (agency)']],
    ['东京12月3日电（记者 王小明）日本政府3日宣布了新措施。', ['王小明 (person)']],
  ])('credits the reporter a Korean or Chinese dateline names in %j', (line, who) => {
    expect(credited(line, story)).toEqual(who)
  })

  it('credits an agency named after the story’s last sentence, as Indian papers close a wire story', () => {
    expect(credited(story, 'Officials said more flights would follow next month. PTI')).toEqual([
      'PTI (agency)',
    ])
    // A sentence that merely ends with a word in capitals is no credit.
    expect(credited(story, 'Officials said more flights would follow, the airport told the BBC.')).toEqual([])
  })
})
