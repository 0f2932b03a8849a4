import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect } from 'vitest'
import type { DatelineApp } from '../../src/main/app'
import { articlePage } from './article-page'
import { html, image, type FixtureResponse } from './fixture-server'
import { JPEG_2X2, makePng } from './images'

/** A library for export tests: real pages in Arabic, Hebrew, Chinese and Japanese, with pictures. */

const WORLD = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/world-pages/${name}`, import.meta.url)), 'utf8')

/** A page with a figure put in right after the first `after` (its first paragraph by default). */
function withPicture(page: string, src: string, alt: string, after = '</p>'): string {
  const figure = `<figure><img src="${src}" alt="${alt}"><figcaption>${alt}</figcaption></figure>`
  const at = page.indexOf(after) + after.length
  return `${page.slice(0, at)}${figure}${page.slice(at)}`
}

export const EXPORT_PAGES: Record<string, FixtureResponse> = {
  '/world/protest': html(
    articlePage({
      middle:
        '<figure><img src="/img/square.png" alt="The square"><figcaption>The square at noon</figcaption></figure>' +
        '<p>Shared picture <img src="/img/river.jpg" alt="The river"></p>',
    }),
  ),
  '/world/second': html(
    articlePage({
      title: 'Talks resume after a week of strikes',
      middle: '<figure><img src="/img/river.jpg" alt="The river again"></figure>',
    }),
  ),
  '/ar/news': html(withPicture(WORLD('ar-news.html'), '/img/sea.png', 'البحر الأحمر')),
  '/he/news': html(
    withPicture(WORLD('he-news.html'), '/img/hills.png', 'הגבעות', '<div class="story-body">'),
  ),
  '/zh/news': html(withPicture(WORLD('zh-news.html'), '/img/city.png', '城市')),
  '/ja/news': html(WORLD('ja-news.html')),
  '/img/square.png': image(makePng(4, 3, [30, 90, 160]), 'image/png'),
  '/img/river.jpg': image(JPEG_2X2, 'image/jpeg'),
  '/img/sea.png': image(makePng(3, 3, [10, 120, 200]), 'image/png'),
  '/img/hills.png': image(makePng(2, 5, [90, 160, 30]), 'image/png'),
  '/img/city.png': image(makePng(5, 2, [200, 200, 20]), 'image/png'),
}

export async function call<T>(app: DatelineApp, name: string, input: unknown): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

/** Adds every page of EXPORT_PAGES; returns the ids in the order added. */
export async function addExportPages(app: DatelineApp, url: (path: string) => string): Promise<string[]> {
  const ids: string[] = []
  for (const path of Object.keys(EXPORT_PAGES).filter((p) => !p.startsWith('/img/'))) {
    const added = await call<{ article: { id: string } }>(app, 'articles.add', {
      kind: 'url',
      url: url(path),
    })
    ids.push(added.article.id)
  }
  return ids
}

export interface EpubcheckResult {
  code: number
  output: string
}

/** Debian's epubcheck jar (installed by .ci/run); /usr/bin/epubcheck runs only with jarwrapper. */
const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar'

/** epubcheck's verdict on a book; exit code 0 means no error and no fatal. */
export async function epubcheck(path: string): Promise<EpubcheckResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)('java', ['-jar', EPUBCHECK_JAR, path], {
      timeout: 120_000,
    })
    return { code: 0, output: `${stdout}${stderr}` }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    }
  }
}
