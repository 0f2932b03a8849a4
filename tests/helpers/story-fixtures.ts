import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ArticleSummary } from '@shared/article'
import { makeSummary } from './temp-library'

/** One report of the labelled stories set (tests/fixtures/stories/dev.jsonl). */
export interface StoryFixtureItem {
  id: string
  story: string
  lang: string
  site: string
  publishedAt: string
  title: string
  text: string
}

/** The labelled set, oldest first, as the reports arrive. */
export const STORY_DEV_SET: StoryFixtureItem[] = readFileSync(
  join(__dirname, '..', 'fixtures', 'stories', 'dev.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as StoryFixtureItem)
  .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))

/** The id the item's article has in a test library (d015 → 000000000000100f). */
export function storyArticleId(item: StoryFixtureItem): string {
  return (0x1000 + Number(item.id.slice(1))).toString(16).padStart(16, '0')
}

/** The item as a capture stores it, saved an hour after publication. */
export function storyArticle(
  item: StoryFixtureItem,
  countries: ArticleSummary['countries'] = [],
): ArticleSummary {
  return makeSummary({
    id: storyArticleId(item),
    title: item.title,
    excerpt: item.text,
    lang: item.lang,
    siteName: item.site,
    url: `https://${item.site}/${item.id}`,
    canonicalUrl: `https://${item.site}/${item.id}`,
    publishedAt: item.publishedAt,
    addedAt: new Date(Date.parse(item.publishedAt) + 3_600_000).toISOString(),
    countries,
    correspondents: [],
  })
}

export function storyBody(item: StoryFixtureItem): { html: string; text: string } {
  return { html: `<p>${item.text}</p>`, text: item.text }
}
