import { DatelineError, type ErrorCode } from '@shared/errors'
import type { FeedErrorKind, FeedInfo } from '@shared/feeds'
import type { ServicesFor } from '@shared/procedure'
import type { feedsProcedures } from '@shared/feeds'
import type { ServiceContext } from '../services'
import { libraryDiskUsage } from './disk-usage'
import { FeedError } from './feed-error'
import { publicFeed } from './feed-refresher'

/** The feeds procedures of the service table (see src/shared/feeds.ts). */
export function feedServices(ctx: ServiceContext): ServicesFor<typeof feedsProcedures> {
  const refresher = ctx.feeds
  const store = refresher.store
  const shown = (id: number): FeedInfo => {
    const feed = store.get(id)
    if (!feed) throw new DatelineError('NOT_FOUND', `There is no feed ${id} in this library.`)
    return publicFeed(feed)
  }
  // The parser (feedsmith) is loaded on first use: every CLI command opens the app.
  const discover = async (url: string): ReturnType<typeof import('./discover-feeds').discoverFeeds> => {
    const { discoverFeeds } = await import('./discover-feeds')
    return discoverFeeds(url, ctx.fetch, ctx.feedLimits).catch((error: unknown) => {
      throw asDatelineError(error)
    })
  }

  return {
    'feeds.list': async () => ({
      feeds: store.list().map(publicFeed),
      refreshing: refresher.refreshing,
      offline: refresher.offline,
    }),
    'feeds.discover': async ({ url }) => ({ candidates: (await discover(url)).candidates }),
    'feeds.add': async ({ url, folder, captureMode }) => {
      const found = await discover(url)
      const chosen = found.feed
        ? { url: found.feed.url, title: found.feed.parsed.title, siteUrl: found.feed.parsed.siteUrl }
        : await confirmFeed(found.candidates[0]!.url)
      const { id } = store.add({
        url: chosen.url,
        title: chosen.title || new URL(chosen.url).host,
        siteUrl: chosen.siteUrl,
        folder: folder || null,
        captureMode: captureMode ?? 'full',
        addedAt: ctx.now().toISOString(),
      })
      return { feed: shown(id), alsoOffered: found.candidates.filter((c) => c.url !== chosen.url) }
    },
    'feeds.update': async ({ id, ...patch }) => {
      shown(id)
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      store.update(id, changes)
      return shown(id)
    },
    'feeds.remove': async ({ id, deleteArticles }) => {
      const ids = deleteArticles ? store.articlesOnlyIn(id) : []
      for (const articleId of ids) await ctx.library.deleteArticle(articleId)
      const removed = store.remove(id)
      if (ids.length > 0) ctx.events.emit('library.changed', { ids })
      return { removed, articlesDeleted: ids.length }
    },
    'feeds.refresh': async ({ ids }) => refresher.refresh(ids),
    'feeds.importOpml': async ({ opml }) => {
      const { readOpml } = await import('./opml')
      const subscriptions = readOpml(opml)
      let added = 0
      const at = ctx.now().toISOString()
      for (const s of subscriptions) {
        const { created } = store.add({
          url: s.url,
          title: s.title,
          siteUrl: s.siteUrl,
          folder: s.folder,
          captureMode: 'full',
          addedAt: at,
        })
        if (created) added++
      }
      const folders = [...new Set(subscriptions.map((s) => s.folder).filter((f): f is string => f !== null))]
      return { added, existing: subscriptions.length - added, folders }
    },
    'feeds.exportOpml': async () => ({
      opml: (await import('./opml')).writeOpml(
        store.list().map((f) => ({ url: f.url, title: f.title, siteUrl: f.siteUrl, folder: f.folder })),
        ctx.now(),
      ),
    }),
    'feeds.getDefaults': async () => store.defaults(),
    'feeds.setDefaults': async (patch) => {
      store.setDefaults(patch)
      return store.defaults()
    },
    'feeds.ofArticles': async ({ ids }) => ({ feeds: store.feedsOf([...new Set(ids)]) }),
    'feeds.diskUsage': async () => libraryDiskUsage(ctx.library.layout),
  }

  async function confirmFeed(url: string): Promise<{ url: string; title: string; siteUrl: string | null }> {
    const found = await discover(url)
    if (!found.feed) {
      throw new DatelineError('NOT_A_FEED', `${url} is named as a feed by the page, but it is not one.`)
    }
    return { url: found.feed.url, title: found.feed.parsed.title, siteUrl: found.feed.parsed.siteUrl }
  }
}

const ERROR_CODES: Record<FeedErrorKind, ErrorCode> = {
  'not-found': 'HTTP_ERROR',
  http: 'HTTP_ERROR',
  'rate-limited': 'HTTP_ERROR',
  timeout: 'TIMEOUT',
  'too-large': 'TOO_LARGE',
  redirects: 'FETCH_FAILED',
  unreachable: 'FETCH_FAILED',
  'not-a-feed': 'NOT_A_FEED',
  'invalid-xml': 'NOT_A_FEED',
  'bad-url': 'BAD_URL',
}

function asDatelineError(error: unknown): unknown {
  if (!(error instanceof FeedError)) return error
  const sentence = error.message.charAt(0).toUpperCase() + error.message.slice(1)
  return new DatelineError(ERROR_CODES[error.kind], `${sentence}.`)
}
