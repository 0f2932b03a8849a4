import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { worldPagesDir } from '../fixtures/benchmark-pages'

/*
 * Small pages in the markup of the news CMSs and themes a reader meets worldwide (WordPress's
 * Newspaper and JNews themes, Arc XP, Brightspot, Drupal paragraphs, Naver's article view, a
 * Japanese and an Arabic daily): the story must come out whole, once, in order (no paragraph lost
 * after an inline ad or related box, lists and quotes kept), and the furniture inside and around
 * it must not.
 */

interface CmsPage {
  file: string
  /** Lines of the story, in order; each must be in the copy exactly once. */
  story: string[]
  /** Furniture of the page, none of which may be in the copy. */
  furniture: string[]
}

const PAGES: CmsPage[] = [
  {
    file: 'cms-wp-newspaper.html',
    story: [
      'The only road to the northern valleys stayed closed on Wednesday for a third day',
      'Engineers who inspected the bridge on Tuesday found that its western pillar had shifted',
      'Residents described a night of sirens and rising water.',
      'We have asked for a second bridge for twenty years.',
      'a medical team stationed in the school at Marn',
      'snowmelt from the mountains could keep the river high well into next week.',
    ],
    furniture: [
      'Advertisement',
      'RELATED ARTICLES',
      'Rain warning extended',
      'LEAVE A REPLY',
      'Stay Connected',
    ],
  },
  {
    file: 'cms-jnews.html',
    story: [
      'Dockers at the city’s container port voted on Monday to accept a new pay offer',
      'The port authority said it would take at least a week to clear the backlog',
      'Coffee and cut flowers, which cannot wait long in containers, will be loaded first.',
      'Vessels already at anchor are called in by arrival date.',
      'We had asked for talks since August,” he said.',
    ],
    furniture: [
      'Related Posts',
      'Coffee exporters count the cost',
      'SHARES',
      'Previous Post',
      'Popular News',
    ],
  },
  {
    file: 'cms-arc-xp.html',
    story: [
      'Lawmakers passed a two-year budget late on Monday',
      'Hospital administrators had warned that without new money more wards would close.',
      'cuts the sales tax on groceries by one percentage point',
      'The governor is expected to sign it this week.',
      '“We are building cells while the clinics close,” said Senator Ruth Adams, who voted no.',
    ],
    furniture: ['ADVERTISEMENT', 'Three rural hospitals to close their maternity wards', 'Most Read'],
  },
  {
    file: 'cms-brightspot.html',
    story: [
      'Every public school in the valley was closed on Wednesday',
      'Health officials asked people to stay indoors with windows closed',
      '“Nobody planned for this.”',
      'The district said it would decide by six on Thursday morning whether schools reopen',
    ],
    furniture: ['Evacuation orders widen', 'Donate today', 'Latest Stories'],
  },
  {
    file: 'cms-drupal.html',
    story: [
      'Mit großer Mehrheit hat der Stadtrat am Dienstagabend die neue Buslinie beschlossen.',
      'Wer um sechs Uhr Schichtbeginn hat, braucht einen Bus um halb sechs, nicht um acht.',
      'Die Linie 14 soll werktags von fünf Uhr morgens bis zehn Uhr abends fahren',
      'Ob der Kreis ab 2029 tatsächlich mitzahlt, ist offen.',
    ],
    furniture: ['Parkhaus am Bahnhof wird teurer', 'Das könnte Sie auch interessieren', 'Direkt zum Inhalt'],
  },
  {
    file: 'cms-naver-ko.html',
    story: [
      '서울시는 지하철 9호선 연장 구간이 내년 상반기에 개통한다고 5일 밝혔다.',
      '다만 9호선은 출근 시간대 혼잡도가 이미 높은 노선이어서',
      '주민들은 환영하면서도 공사 지연을 걱정하고 있다.',
      '안전 점검을 충분히 거쳐 예정대로 개통하겠다',
    ],
    furniture: ['9호선 출근길 혼잡도 역대 최고', '무단 전재 및 재배포 금지', '이 기사를 추천합니다'],
  },
  {
    file: 'cms-ja-news.html',
    story: [
      '東北地方の主な漁港で今季のサンマの水揚げ量が前年の半分以下にとどまり',
      '漁業関係者によると、海水温の上昇で漁場が沖合に移り',
      '気仙沼市の水産加工会社の社長は',
      '水産庁は来月にも専門家による検討会を開き',
    ],
    furniture: ['広告', 'サンマ漁解禁', 'アクセスランキング', 'ツイート'],
  },
  {
    file: 'cms-ar-rtl.html',
    story: [
      'افتتحت وزارة المياه يوم الثلاثاء أكبر محطة لتحلية مياه البحر',
      'وأوضح أن المشروع استغرق أربع سنوات من العمل',
      'لن يعود سكان الساحل إلى طوابير صهاريج المياه في الصيف المقبل.',
      'ومن المقرر أن تبدأ المحطة الضخ الكامل في الشبكة',
    ],
    furniture: ['ارتفاع أسعار المياه المعبأة', 'إعلان', 'أخبار ذات صلة', 'الأكثر قراءة'],
  },
  {
    file: 'cms-live-blog.html',
    story: [
      'The electoral commission says turnout reached sixty-eight percent',
      'The harbour district is the first to declare',
      'Opposition leader Ana Duarte voted in her home town',
      'Polls have now closed across the capital.',
    ],
    furniture: ['Advertisement', 'Share this post', 'Load more updates'],
  },
  {
    file: 'cms-paywall-teaser.html',
    story: [
      'The planning board approved the expansion of the Ardmore copper mine on Thursday',
      'The company plans to double the size of its open pit',
      'The farmers’ association said it would appeal to the environment court within the month.',
    ],
    furniture: ['Subscribe to keep reading', 'Cancel anytime', 'Already a subscriber?'],
  },
  {
    file: 'cms-in-daily.html',
    story: [
      'THIRUVANANTHAPURAM: The southwest monsoon set in over Kerala on Friday',
      'Heavy rain was reported from several districts',
      'Fishermen have been told not to venture into the sea until Monday',
      'The monsoon brings about seventy percent of India’s annual rainfall',
      'The department has forecast above-normal rainfall this season',
    ],
    furniture: ['Advertisement', 'ALSO READ', 'Heatwave grips north India', 'Popular from India'],
  },
  {
    file: 'cms-ng-wordpress.html',
    story: [
      'The Lagos State Government on Tuesday began construction of the second line',
      'Commuters on the corridor spend up to four hours a day in traffic',
      'Residents whose homes stand in the path of the line will be paid compensation',
      'Engineers from the contractor said the line would be built on an elevated track',
    ],
    furniture: [
      'Blue Line records one million passengers',
      'New ferry routes open',
      'Leave a Reply',
      'Recent Posts',
    ],
  },
]

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

describe('news pages of the common CMSs', () => {
  it.each(PAGES)('$file: the whole story, once and in order, without its furniture', (page) => {
    const html = readFileSync(join(worldPagesDir(), page.file), 'utf8')
    const text = extractArticle({ kind: 'html', html, url: `https://news.example/${page.file}` }).text
    const places = page.story.map((line) => text.indexOf(line))
    for (const line of page.story) expect(occurrences(text, line), line).toBe(1)
    expect(places).toEqual([...places].sort((a, b) => a - b))
    for (const line of page.furniture) expect(text, line).not.toContain(line)
  })
})
