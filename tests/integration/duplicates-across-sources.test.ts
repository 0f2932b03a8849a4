import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AddArticleResult, ArticlePage } from '@shared/contract'
import { openApp, type DatelineApp } from '../../src/main/app'
import { callOrFail } from '../helpers/app-for-each-test'
import { articlePage } from '../helpers/article-page'
import { html, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let site: FixtureServer
let app: DatelineApp | null = null

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app!, name, input)
}

async function listed(): Promise<ArticlePage['items']> {
  return (await call<ArticlePage>('articles.list', {})).items
}

const TITLE = 'Crowds fill the capital in the largest protest in a decade'

/** The page as a browser's "Save page as…" writes it: the address in a comment before <html>. */
function savedPage(address: string, page: string): string {
  return page.replace(
    '<!doctype html>',
    `<!doctype html>\n<!-- saved from url=(${address.length})${address} -->`,
  )
}

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer({ '/world/protest': html(articlePage({ title: TITLE })) })
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
})

afterEach(async () => {
  await app?.close()
  app = null
  await site.close()
  await removeDir(dir)
})

describe('the same article from different sources is one entry', () => {
  it('a saved file names its address: it gets Open original, and the link added later is the same article', async () => {
    const address = site.url('/world/protest')
    const file = await call<AddArticleResult>('articles.add', {
      kind: 'html',
      html: savedPage(address, articlePage({ title: TITLE })),
      fileName: 'protest.html',
    })
    expect(file.article.canonicalUrl, 'the file’s own address').toBe(address)
    await call('articles.setState', { id: file.article.id, starred: true })

    const link = await call<AddArticleResult>('articles.add', { kind: 'url', url: `${address}?utm_source=x` })
    expect(link.article.id).toBe(file.article.id)
    expect(link.updated).toBe(true)
    expect(link.article.starred, 'the person’s star stays').toBe(true)
    expect((await listed()).map((a) => a.id)).toEqual([file.article.id])
  })

  it('a page whose canonical link is absolute is recognised by it, and a link kept is not replaced by the file', async () => {
    const address = site.url('/world/protest')
    const link = await call<AddArticleResult>('articles.add', { kind: 'url', url: address })
    const file = await call<AddArticleResult>('articles.add', {
      kind: 'html',
      html: articlePage({ title: TITLE, canonical: address }),
      fileName: 'protest.html',
    })
    expect(file.article.id).toBe(link.article.id)
    expect(file.kept, 'the copy from the link is kept').toBe(true)
    expect(file.article.source).toBe('url')
    expect(await listed()).toHaveLength(1)
  })

  it('a pasted text of an article saved by its link is matched by headline, site and opening', async () => {
    const link = await call<AddArticleResult>('articles.add', {
      kind: 'url',
      url: site.url('/world/protest'),
    })
    const paragraphs = [
      'Thousands of people gathered in the centre of the capital on Sunday for the largest protest the country has seen in a decade, filling the squares and the avenues that lead to them.',
      'The demonstrators, many of them carrying flags and handwritten signs, marched peacefully past the government buildings while police watched from side streets and nearby courtyards.',
    ]
    const pasted = await call<AddArticleResult>('articles.add', {
      kind: 'text',
      text: `${TITLE.toUpperCase()}\n\n${paragraphs.join('\n\n')}`,
    })
    expect(pasted.article.id).toBe(link.article.id)
    expect(pasted.kept).toBe(true)
    expect(await listed()).toHaveLength(1)
  })

  it('keeps two articles apart when only the headline is the same', async () => {
    await call('articles.add', { kind: 'url', url: site.url('/world/protest') })
    await call('articles.add', {
      kind: 'text',
      text: `${TITLE}\n\n${'A different story under the same headline, about a different country and a different week entirely. '.repeat(3)}`,
    })
    expect(await listed()).toHaveLength(2)
  })
})
