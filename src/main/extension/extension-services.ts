import { randomUUID } from 'node:crypto'
import type { AddArticleResult } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import type { extensionProcedures, SaveResult } from '@shared/extension'
import type { ServicesFor } from '@shared/procedure'
import { collectionServices } from '../collections/collection-services'
import { captureArticle, type CaptureSource } from '../ingest/capture'
import { fetchFromParts, parseMhtml } from '../ingest/mhtml'
import { looksLikeWebarchive, parseWebarchive } from '../ingest/webarchive'
import type { ServiceContext } from '../services'

/** The extension procedures of the service table (see src/shared/extension.ts). */
export function extensionServices(ctx: ServiceContext): ServicesFor<typeof extensionProcedures> {
  const access = ctx.extensions
  const collections = collectionServices(ctx)

  /** The collection to add to, checked before anything is fetched, so a bad id costs nothing. */
  async function collectionFor(id: number | undefined): Promise<{ id: number; name: string } | null> {
    if (id === undefined) return null
    const found = (await collections['collections.list']({})).collections.find((c) => c.id === id)
    if (!found) throw new DatelineError('NOT_FOUND', 'That collection is not in the library any more.')
    if (found.filter) {
      throw new DatelineError(
        'INVALID_INPUT',
        `"${found.name}" is a smart collection: it gathers its articles by itself, nothing is added by hand.`,
      )
    }
    return { id: found.id, name: found.name }
  }

  async function save(
    source: CaptureSource,
    collectionId: number | undefined,
    fetch = ctx.fetch,
  ): Promise<SaveResult> {
    const collection = await collectionFor(collectionId)
    const captureId = randomUUID()
    const result: AddArticleResult = await captureArticle(source, {
      library: ctx.library,
      extractor: ctx.extractor,
      fetch,
      now: ctx.now,
      progress: (event) => ctx.events.emit('capture.progress', { captureId, ...event }),
      ...(ctx.pageLimits ? { pageLimits: ctx.pageLimits } : {}),
      ...(ctx.imageLimits ? { imageLimits: ctx.imageLimits } : {}),
    })
    ctx.events.emit('library.changed', { ids: [result.article.id] })
    if (collection) {
      await collections['collections.add']({ id: collection.id, articles: [result.article.id] })
    }
    return { ...result, collection }
  }

  return {
    'extension.startPairing': async () => access.codes.issue(),
    'extension.cancelPairing': async () => {
      access.codes.cancel()
      return {}
    },
    'extension.list': async () => ({ extensions: access.paired.list() }),
    'extension.revoke': async ({ id }) => ({ revoked: await access.paired.revoke(id) }),
    // The page as the person's browser showed it, logged in and after its scripts ran: stored as
    // that page's article (source 'url'), its pictures fetched from their own addresses.
    'extension.savePage': async ({ url, html, collectionId }) =>
      save({ kind: 'html', html, baseUrl: url, origin: 'url' }, collectionId),
    'extension.saveLink': async ({ url, collectionId }) => save({ kind: 'url', url }, collectionId),
    'extension.addSavedPage': async ({ fileName, content }) => {
      const bytes = Buffer.from(content, 'latin1')
      const page = looksLikeWebarchive(bytes) ? parseWebarchive(bytes) : parseMhtml(bytes)
      return save(
        { kind: 'html', html: page.html, fileName, ...(page.url ? { baseUrl: page.url } : {}) },
        undefined,
        fetchFromParts(page.resources, ctx.fetch),
      )
    },
    'extension.showArticle': async ({ id }) => {
      if (!ctx.library.get(id)) throw new DatelineError('NOT_FOUND', 'That article is not in the library.')
      ctx.events.emit('extension.showArticle', { id })
      return {}
    },
  }
}
