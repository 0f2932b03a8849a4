import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
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
  fileURLToPath(new URL('../fixtures/stories/dev.jsonl', import.meta.url)),
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

/** The item as its outlet's page: language, site and publication time in the head, text in the article. */
export function storyPage(item: StoryFixtureItem): string {
  return `<!doctype html><html lang="${item.lang}"><head><meta charset="utf-8"><title>${item.title}</title>
<meta property="og:site_name" content="${item.site}">
<meta property="article:published_time" content="${item.publishedAt}"></head>
<body><main><article><h1>${item.title}</h1><p>${item.text}</p></article></main></body></html>`
}

const BUILT_CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))

/**
 * Saves the labelled set's reports of these stories into a library with the built CLI (`dateline
 * add`, the capture path every article takes), from their pages written to a temp folder. They go
 * in the order of their ids, the labelled file's order, one after another as `add` takes them.
 * Returns how many were saved.
 */
export async function saveStoriesWithCli(libraryDir: string, stories: string[]): Promise<number> {
  const items = STORY_DEV_SET.filter((item) => stories.includes(item.story)).sort((a, b) =>
    a.id.localeCompare(b.id),
  )
  const folder = await mkdtemp(join(tmpdir(), 'dateline-story-pages-'))
  try {
    const files: string[] = []
    for (const item of items) {
      const file = join(folder, `${item.id}.html`)
      await writeFile(file, storyPage(item))
      files.push(file)
    }
    execFileSync(process.execPath, [BUILT_CLI, 'add', ...files, '--library', libraryDir], { stdio: 'pipe' })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
  return items.length
}
