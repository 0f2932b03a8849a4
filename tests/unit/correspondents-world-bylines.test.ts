import { describe, expect, it } from 'vitest'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { extractArticle } from '../../src/main/ingest/extract'
import { agenciesInDateline, kindOf, namesInByline } from '../../src/main/correspondents'
import { namesAndKindsCreditedInText } from '../fixtures/correspondents/plain-text-credits'

/*
 * Bylines as news sites of 2023–2026 print them in Polish, Dutch, Portuguese, Italian, Turkish,
 * Russian, Ukrainian, Japanese, Chinese, Korean, Arabic, Hebrew and Greek, and the datelines of
 * those countries' agencies. Names in other scripts are credited as written. The forms that were
 * read right already (listed in docs/correspondents.md) are not repeated here.
 */

const story =
  'The council met on Monday and voted to keep the old bridge open for another year, after a long debate about its cost.'

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
    ['Agencja PAP', ['PAP']],
    // "With" in Portuguese, Spanish and Italian joins the desk and the agency, or two reporters.
    ['Por Redação, com Agência Brasil', ['Redação', 'Agência Brasil']],
    ['Por Ana Souza com Pedro Lima', ['Ana Souza', 'Pedro Lima']],
    ['di Marco Rossi con Luca Verdi', ['Marco Rossi', 'Luca Verdi']],
  ])('reads %j as %j', (raw, names) => {
    expect(namesInByline(raw)).toEqual(names)
  })

  it('credits the writer, not the editor who updated the story, in English, German, Spanish', () => {
    expect(namesInByline('By John Smith, updated by Jane Doe')).toEqual(['John Smith'])
    expect(namesInByline('Von Anna Weber, aktualisiert von Karl Meier')).toEqual(['Anna Weber'])
    expect(namesInByline('Por Ana López, actualizado por Luis Gil')).toEqual(['Ana López'])
  })

  it('reads Indonesian "Oleh" (by) before a name, and keeps the Ukrainian given name Oleh', () => {
    expect(namesInByline('Oleh Budi Santoso')).toEqual(['Budi Santoso'])
    expect(namesInByline('Oleh Sentsov')).toEqual(['Oleh Sentsov'])
  })

  it('reads two Chinese reporters after a simplified title as two people, a spaced Japanese name as one', () => {
    expect(namesInByline('记者 王小明 李华')).toEqual(['王小明', '李华'])
    expect(namesInByline('記者 山田 太郎')).toEqual(['山田 太郎'])
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
    expect(namesAndKindsCreditedInText(line, story)).toEqual([who])
  })

  it.each([
    ['김철수 기자 kimcs@yna.co.kr', '김철수 (person)'],
    ['칼럼니스트 박생강 pillgoo9@gmail.com', '박생강 (person)'],
    ['(记者 王小明)', '王小明 (person)'],
  ])('credits %j signing the story’s end', (line, who) => {
    expect(namesAndKindsCreditedInText(story, line)).toEqual([who])
  })

  it.each([
    ['Oleh Budi Santoso', 'Budi Santoso (person)'],
    ['Penulis: Budi Santoso', 'Budi Santoso (person)'],
    ['OSEN=김철수 기자', '김철수 (person)'],
  ])('credits %j above the story, in Indonesian and Korean', (line, who) => {
    expect(namesAndKindsCreditedInText(line, story)).toEqual([who])
  })

  it('credits a labelled Turkish, Indonesian or Greek byline, never a heading that starts with its word', () => {
    expect(namesAndKindsCreditedInText('Haber: Ahmet Yılmaz', story)).toEqual(['Ahmet Yılmaz (person)'])
    expect(namesAndKindsCreditedInText('Της Μαρίας Παπαδοπούλου', story)).toEqual([
      'Μαρίας Παπαδοπούλου (person)',
    ])
    // "News detail", "Sunday's", "a famous Indonesian writer".
    for (const heading of ['Haber Detayı', 'Της Κυριακής', 'Penulis Terkenal Indonesia', 'Muhabir Ağı'])
      expect(namesAndKindsCreditedInText(heading, story)).toEqual([])
  })

  it('credits a name and its agency in brackets signing the story', () => {
    expect(namesAndKindsCreditedInText(story, 'Piotr Nowak (PAP)')).toEqual([
      'Piotr Nowak (person)',
      'PAP (agency)',
    ])
  })

  it('reads a Japanese reporter’s title after the name, never a heading that starts with 記者', () => {
    expect(namesAndKindsCreditedInText('佐藤花子記者', story)).toEqual(['佐藤花子 (person)'])
    // "記者会見を開いた": a press conference was held; then a correspondent's report, a reporter's
    // notebook, a correspondent's report in Korean, our reporter's notes, writers wanted.
    for (const heading of [
      '記者会見を開いた',
      '特派員報告',
      '기자 수첩',
      '특파원 리포트',
      '本报记者手记',
      'ライター募集',
    ])
      expect(namesAndKindsCreditedInText(heading, story)).toEqual([])
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
    expect(
      namesAndKindsCreditedInText(story, 'Il governo ha approvato il decreto nella notte. (ANSA).'),
    ).toEqual(['ANSA (agency)'])
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
    expect(namesAndKindsCreditedInText(line, story)).toEqual(who)
  })

  it('credits an agency named after the story’s last sentence, as Indian papers close a wire story', () => {
    expect(
      namesAndKindsCreditedInText(story, 'Officials said more flights would follow next month. PTI'),
    ).toEqual(['PTI (agency)'])
    // A sentence that merely ends with a word in capitals is no credit.
    expect(
      namesAndKindsCreditedInText(
        story,
        'Officials said more flights would follow, the airport told the BBC.',
      ),
    ).toEqual([])
  })
})

/** Three paragraphs of a story in each language, for pages written the way those sites print them. */
const prose: Record<string, string[]> = {
  ar: [
    'قالت الحكومة يوم الثلاثاء إنها ستتخذ إجراءات جديدة لمواجهة الأزمة الاقتصادية التي تمر بها البلاد منذ أشهر طويلة.',
    'وأضاف المتحدث باسم الحكومة أن الإجراءات تشمل دعم الأسر الفقيرة وخفض أسعار الوقود والكهرباء خلال الأشهر المقبلة.',
    'ومن المتوقع أن يناقش البرلمان هذه الإجراءات الأسبوع المقبل قبل التصويت عليها في جلسة عامة.',
  ],
  ko: [
    '정부는 3일 국무회의에서 새로운 경제 대책을 의결했다고 밝혔다. 이번 대책에는 소상공인 지원과 물가 안정을 위한 다양한 방안이 포함됐다.',
    '기획재정부 관계자는 이번 대책이 내년 상반기 경제 회복에 큰 도움이 될 것으로 기대한다고 말했다.',
    '야당은 대책의 실효성에 의문을 제기하며 국회에서 면밀히 검토하겠다고 밝혔다.',
  ],
  zh: [
    '国务院3日召开常务会议，部署进一步稳定经济的一系列措施，会议指出要加大对中小企业的支持力度。',
    '会议强调，各地区各部门要切实抓好政策落实，确保各项措施尽快见到实效，推动经济持续回升向好。',
    '专家表示，这些措施将有助于提振市场信心，促进消费和投资的稳定增长。',
  ],
  ja: [
    '政府は3日、新たな経済対策を閣議決定した。中小企業への支援や物価高への対応が柱となる。',
    '首相は記者団に対し、対策の早期実行に全力を挙げる考えを示した。',
    '野党は対策の規模が不十分だと批判しており、国会での論戦が予想される。',
  ],
  he: [
    'הממשלה הודיעה ביום שלישי על צעדים חדשים להתמודדות עם המשבר הכלכלי שפוקד את המדינה זה חודשים ארוכים.',
    'לדברי דובר הממשלה, הצעדים כוללים סיוע למשפחות מעוטות יכולת והפחתת מחירי הדלק והחשמל בחודשים הקרובים.',
    'הכנסת צפויה לדון בצעדים בשבוע הבא לפני ההצבעה עליהם במליאה.',
  ],
  pl: [
    'Rząd przyjął we wtorek projekt ustawy o wsparciu dla rodzin, który ma wejść w życie od początku przyszłego roku.',
    'Minister finansów powiedział, że koszt programu wyniesie kilka miliardów złotych rocznie i zostanie pokryty z budżetu.',
    'Opozycja zapowiada, że będzie domagać się zmian w projekcie podczas prac w Sejmie.',
  ],
}

/** Who the reader is shown on a page of that language with a line of the story above or below it. */
function creditedOnPage(lang: string, header: string, footer = ''): string[] {
  const story = (prose[lang] ?? []).map((text) => `<p>${text}</p>`).join('')
  const html = `<!doctype html><html lang="${lang}"><head><title>Story</title>
<meta property="og:site_name" content="Example News"></head>
<body><article><h1>Headline of the story</h1>${header}${story}${footer}</article></body></html>`
  const request = { kind: 'html' as const, html, url: 'https://www.example-news.test/a/1' }
  return withCorrespondents(extractArticle(request), request).correspondents.map(
    (c) => `${c.name} (${c.kind})`,
  )
}

describe('bylines of other scripts printed in a page’s paragraphs', () => {
  it.each([
    ['ar', '<p>بقلم: محمد علي</p>', '', ['محمد علي (person)']],
    ['he', '<p>מאת דני כהן</p>', '', ['דני כהן (person)']],
    ['zh', '<p>记者 王小明</p>', '', ['王小明 (person)']],
    ['ja', '<p>山田太郎記者</p>', '', ['山田太郎 (person)']],
    ['ko', '', '<p>김철수 기자 kimcs@example.co.kr</p>', ['김철수 (person)']],
    [
      'ko',
      '<p>(서울=연합뉴스) 김철수 기자 = 정부는 3일 새 대책을 발표했다.</p>',
      '',
      ['김철수 (person)', 'Yonhap (agency)'],
    ],
    [
      'zh',
      '<p>新华社北京12月3日电（记者 王小明）国务院3日召开常务会议。</p>',
      '',
      ['王小明 (person)', 'Xinhua (agency)'],
    ],
    ['pl', '', '<p>Piotr Nowak (PAP)</p>', ['Piotr Nowak (person)', 'PAP (agency)']],
  ])('credits, on a page in %s, %j %j', (lang, header, footer, who) => {
    expect(creditedOnPage(lang, header, footer)).toEqual(who)
  })
})
