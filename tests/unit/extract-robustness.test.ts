import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ExtractedArticle } from '@shared/article'
import { extractArticle } from '../../src/main/ingest/extract'
import { LITTLE_TEXT_WARNING } from '../../src/main/ingest/extract/wording'
import {
  articleExtractionDir,
  articleExtractionIds,
  readArticleExtractionPage,
  worldPagesDir,
} from '../fixtures/benchmark-pages'
import { caseName, MUTATIONS, seededRandom } from '../fixtures/page-mutations'
import { storyRecall } from '../fixtures/story-recall'

/*
 * The robustness corpus: real pages made odd in the ways real CMSs and frameworks make them, and
 * pages in scripts the benchmarks barely hold. None may throw, and none may be refused while the
 * story is there to read. The full sweep (every page x every mutation) runs in
 * `npm run bench:extraction`; here a fixed-seed sample keeps the suite quick.
 */

const SEED = 20_261_201
const RUNS = 90

function extract(html: string, url: string | null): ExtractedArticle {
  return extractArticle({ kind: 'html', html, url })
}

interface WorldPage {
  file: string
  first: string
  last: string
  furniture: string
}

const WORLD_PAGES: WorldPage[] = [
  {
    file: 'ko-daily.html',
    first: '부산항만공사는 12일 부산항 신항 서측에',
    last: '동북아 환적 물동량 경쟁에서 우위를 지키겠다는 계획이다.',
    furniture: '무단 전재 및 재배포 금지',
  },
  {
    file: 'ja-news.html',
    first: '北陸新幹線の敦賀以西の延伸をめぐり',
    last: '地元負担の割合をめぐる調整はなお続いている。',
    furniture: 'アクセスランキング',
  },
  {
    file: 'zh-news.html',
    first: '长江流域今年春季禁渔期于三月一日正式启动',
    last: '完善跨省份的联合监管机制。',
    furniture: '热点新闻',
  },
  {
    file: 'ar-news.html',
    first: 'افتتحت السلطات يوم الأحد محطة جديدة',
    last: 'تراجعت مستوياتها بشكل ملحوظ خلال العقدين الماضيين.',
    furniture: 'جميع الحقوق محفوظة',
  },
  {
    file: 'he-news.html',
    first: 'משרד התחבורה אישר השבוע את התוכנית',
    last: 'בכניסה לחיפה בשעות הבוקר.',
    furniture: 'כל הזכויות שמורות',
  },
  {
    file: 'en-div-lines.html',
    first: 'The first sleeper service in twenty years',
    last: 'will review the subsidy after the first season.',
    furniture: 'Privacy',
  },
]

describe('pages in other scripts, and text in many small blocks', () => {
  it.each(WORLD_PAGES)('reads the whole story of $file and none of its furniture', (page) => {
    const html = readFileSync(join(worldPagesDir(), page.file), 'utf8')
    const article = extract(html, `https://news.example/${page.file}`)
    expect(article.text).toContain(page.first)
    expect(article.text).toContain(page.last)
    expect(article.text).not.toContain(page.furniture)
    // Read the usual way: no fallback, no skipped step (these short stories may get the little-text note).
    expect(article.warnings.filter((warning) => warning !== LITTLE_TEXT_WARNING)).toEqual([])
  })
})

const ids = articleExtractionIds()
if (ids === null) {
  console.log(`Skipping the mutated benchmark pages: no benchmark at ${articleExtractionDir()}.`)
}

describe('the benchmark pages, mutated', () => {
  it.skipIf(ids === null)(
    `no mutated page throws or is refused while its story is there (${RUNS} cases, seed ${SEED})`,
    () => {
      const pageIds = ids ?? []
      const pages = new Map<string, ReturnType<typeof readArticleExtractionPage>>()
      const mutationIndexes = MUTATIONS.map((_, index) => index)
      fc.assert(
        fc.property(
          fc.constantFrom(...pageIds),
          fc.subarray(mutationIndexes, { minLength: 1, maxLength: 2 }),
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          (id, chosen, mutationSeed) => {
            const page = pages.get(id) ?? readArticleExtractionPage(id)
            pages.set(id, page)
            const mutations = chosen.map((index) => MUTATIONS[index]).filter((m) => m !== undefined)
            const random = seededRandom(mutationSeed)
            let html = page.html
            for (const mutation of mutations)
              html = mutation.apply({ html, articleText: page.articleText, random })
            let article: ExtractedArticle
            try {
              article = extract(html, page.url)
            } catch (error) {
              throw new Error(`${caseName(id, mutations, mutationSeed)}: ${(error as Error).message}`)
            }
            // Most of the story must be in the copy, not just any text: a menu is not the article.
            const recall = storyRecall(article.text, page.articleText)
            if (recall < 0.5) {
              throw new Error(
                `${caseName(id, mutations, mutationSeed)}: only ${recall.toFixed(2)} of the story read`,
              )
            }
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
    },
    120_000,
  )
})
