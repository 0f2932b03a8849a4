import { access } from 'node:fs/promises'
import type { Article, ArticleSummary } from '@shared/article'
import type { ArticleFilter, ArticleSort, ParsedInputOf, SearchPage, StateCounts } from '@shared/contract'

export type SearchInput = ParsedInputOf<'articles.search'>
import type { Dispatch } from '../api/dispatch'
import type { ProgressListener } from '../library/database-builder'
import { DatelineError } from '@shared/errors'
import { libraryLayout } from '../library/layout'
import { readManifest } from '../library/manifest'
import { LibraryStore } from '../library/library-store'
import { MediaStore } from '../library/media-store'
import { connectToRunningLibrary } from '../serve/local-endpoint'
import { resolveIdPrefixes, type IdPlace } from '../library/article-id-prefixes'
import { idPrefixes, wholeIds } from './id-arguments'
import { searchPage } from '../search/search-page'

/**
 * What the reading commands (list, search, show, export) need. When the app or `dateline serve`
 * holds the library (and with it the database lock), the questions go to it over the local
 * endpoint, as writes do; otherwise the database is opened for reading only.
 */
export interface ReadableLibrary {
  list(
    filter: ArticleFilter,
    sort: ArticleSort,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: ArticleSummary[] }>
  /** A page of `articles.search`: the best matches with their headline and snippet marked. */
  search(input: SearchInput): Promise<SearchPage>
  counts(): Promise<StateCounts>
  article(id: string): Promise<Article>
  /** The whole ids of shortened ones (unique prefixes), in order; otherwise an error saying which. */
  resolveIds(args: readonly string[], place?: IdPlace): Promise<string[]>
  /** Every article id, newest first. */
  allIds(): Promise<string[]>
  /** Pictures are files, read from the folder directly in both cases. */
  readonly media: MediaStore
  close(): Promise<void>
}

export async function openForReading(
  libraryDir: string,
  progress: ProgressListener,
): Promise<ReadableLibrary> {
  const layout = libraryLayout(libraryDir)
  const hasEndpoint = await access(layout.endpoint).then(
    () => true,
    () => false,
  )
  const running = hasEndpoint ? await connectToRunningLibrary(layout) : null
  if (running) return remoteLibrary(running, new MediaStore(layout))
  // A mistyped --library must not read as an empty library: say that there is none.
  if (!(await readManifest(layout))) {
    throw new DatelineError(
      'NOT_FOUND',
      `There is no Dateline library at ${libraryDir}. Check --library (or DATELINE_LIBRARY); ` +
        '"dateline add" makes a library where there is none.',
    )
  }
  const store = await LibraryStore.open(libraryDir, { readOnly: true, progress })
  return {
    list: async (filter, sort, offset, limit) => store.listArticles({ filter, sort, offset, limit }),
    search: (input) => searchPage(store, input),
    counts: async () => store.counts(),
    article: (id) => store.readArticle(id),
    resolveIds: async (args, place = 'library') =>
      store.query((db) => resolveIdPrefixes(db, idPrefixes(args), place)),
    allIds: async () => store.allIds(),
    media: store.media,
    close: () => store.close(),
  }
}

function remoteLibrary(dispatch: Dispatch, media: MediaStore): ReadableLibrary {
  const call = async <T>(name: Parameters<Dispatch>[0], input: unknown): Promise<T> => {
    const result = await dispatch(name, input)
    if (!result.ok) throw result.error
    return result.value as T
  }
  type Page = { total: number; items: ArticleSummary[]; counts: { library: StateCounts } }
  const list = (filter: ArticleFilter, sort: ArticleSort, offset: number, limit: number): Promise<Page> =>
    call<Page>('articles.list', { ...filter, sort, offset, limit })
  return {
    list,
    search: (input) => call<SearchPage>('articles.search', input),
    counts: async () => (await list({ state: 'all' }, 'newest', 0, 1)).counts.library,
    article: (id) => call<Article>('articles.get', { id }),
    resolveIds: (args, place) => wholeIds(dispatch, args, place),
    allIds: async () => {
      const ids: string[] = []
      for (let offset = 0; ; offset += 500) {
        const page = await list({ state: 'all' }, 'newest', offset, 500)
        ids.push(...page.items.map((a) => a.id))
        if (page.items.length < 500) return ids
      }
    },
    media,
    close: async () => undefined,
  }
}
