import type { CollectionInfo, collectionsProcedures } from '@shared/collections'
import type { ArticleFilter } from '@shared/contract'
import type { ServicesFor } from '@shared/procedure'
import { isTextQuery } from '../library/article-query'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'
import type { ServiceContext } from '../services'
import {
  addToCollection,
  changeCounter,
  collectionPage,
  collectionRows,
  coverageOf,
  createCollection,
  deleteCollection,
  describeCollection,
  membershipsOf,
  moveInCollection,
  plainCounts,
  removeFromCollection,
  renameCollection,
  requireCollection,
  rowidsOf,
  setCollectionFilter,
  type CollectionRow,
  type MemberCounts,
} from './collection-store'
import { savedFilterOf } from './collection-store'
import { countFromCounters, countSelection, expandSmartCollection, newestSelected } from './smart-filter'

/**
 * A smart collection's page lists its countries and correspondents over its newest matches this
 * many: counting them over every match of a broad search would cost a scan of the library.
 */
export const SMART_COVERAGE_LIMIT = 2000

/**
 * Counts of smart collections, kept until the library changes. A smart count is one pass over
 * what its filters find (see smart-filter.ts); a broad one costs tens of ms at 100k (see
 * docs/benchmarks.md), too much to repeat for every smart collection each time the sidebar asks,
 * while most asks follow no change at all.
 */
class SmartCounts {
  private readonly known = new Map<
    number,
    { at: number; query: string; name: string; counts: MemberCounts }
  >()

  get(library: LibraryStore, row: CollectionRow, at: number): MemberCounts {
    const cached = this.known.get(row.id)
    if (cached && cached.at === at && cached.query === row.query && cached.name === row.name) {
      return cached.counts
    }
    const counts = countSmart(library, row)
    this.known.set(row.id, { at, query: row.query ?? '', name: row.name, counts })
    return counts
  }
}

/**
 * One group and no other filter: its row of the sidebar counters. Otherwise, without words, the
 * list's own totals (a country or a collection alone is one row of the sidebar
 * counters; other filters walk the members first); with words, one pass over the matches rather
 * than one per state (see smart-filter.ts).
 */
function countSmart(library: LibraryStore, row: CollectionRow): MemberCounts {
  const filter = library.query((db) =>
    db.read(() => expandSmartCollection(db, { state: 'all', collection: row.name })),
  )
  if (!filter) return { articles: 0, unread: 0, archived: 0 }
  const counted = library.query((db) => db.read(() => countFromCounters(db, filter)))
  if (counted) return counted
  if (isTextQuery(filter)) return library.query((db) => db.read(() => countSelection(db, filter)))
  const total = (state: ArticleFilter['state']): number =>
    library.listArticles({ filter: { state, collection: row.name }, sort: 'newest', offset: 0, limit: 1 })
      .total
  return { articles: total('all'), unread: total('unread'), archived: total('archived') }
}

/** The collections procedures of the service table (see src/shared/collections.ts). */
export function collectionServices(ctx: ServiceContext): ServicesFor<typeof collectionsProcedures> {
  const smart = new SmartCounts()
  const now = (): string => ctx.now().toISOString()
  const changed = (ids: number[]): void => ctx.events.emit('collections.changed', { ids })
  const read = <T>(work: (db: SqlDatabase) => T): T => ctx.library.query((db) => db.read(() => work(db)))

  const infoOf = (db: SqlDatabase, row: CollectionRow, plain: Map<number, MemberCounts>): CollectionInfo => {
    const filter = savedFilterOf(row)
    const counts =
      row.query === null
        ? (plain.get(row.id) ?? { articles: 0, unread: 0, archived: 0 })
        : smart.get(ctx.library, row, changeCounter(db))
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      // A damaged saved search shows as a smart collection that finds nothing.
      filter: filter === 'invalid' ? { state: 'all' } : filter,
      articles: counts.articles,
      unread: counts.unread,
      archived: counts.archived,
    }
  }
  const info = (id: number): CollectionInfo =>
    read((db) => infoOf(db, requireCollection(db, id), plainCounts(db)))

  return {
    'collections.list': async () =>
      read((db) => {
        const plain = plainCounts(db)
        return { collections: collectionRows(db).map((row) => infoOf(db, row, plain)) }
      }),
    'collections.create': async ({ name, description, filter }) => {
      const id = ctx.library.change((db) =>
        createCollection(db, { name, description, ...(filter ? { filter } : {}) }, now()),
      )
      changed([id])
      return info(id)
    },
    'collections.rename': async ({ id, name }) => {
      ctx.library.change((db) => renameCollection(db, id, name))
      changed([id])
      return info(id)
    },
    'collections.describe': async ({ id, description }) => {
      ctx.library.change((db) => describeCollection(db, id, description))
      changed([id])
      return info(id)
    },
    'collections.setFilter': async ({ id, filter }) => {
      ctx.library.change((db) => setCollectionFilter(db, id, filter))
      changed([id])
      return info(id)
    },
    'collections.delete': async ({ id }) => {
      const before = info(id)
      ctx.library.change((db) => deleteCollection(db, id))
      changed([id])
      return before
    },
    'collections.add': async ({ id, articles }) => {
      const added = ctx.library.change((db) => addToCollection(db, id, rowidsOf(db, articles), now()))
      changed([id])
      return { changed: added, collection: info(id) }
    },
    'collections.remove': async ({ id, articles }) => {
      const removed = ctx.library.change((db) => removeFromCollection(db, id, rowidsOf(db, articles)))
      changed([id])
      return { changed: removed, collection: info(id) }
    },
    'collections.move': async ({ id, articles, before }) => {
      ctx.library.change((db) => {
        const beforeRowid = before === null ? null : (rowidsOf(db, [before])[0] ?? null)
        moveInCollection(db, id, rowidsOf(db, articles), beforeRowid)
      })
      changed([id])
      return info(id)
    },
    'collections.articles': async ({ id, offset, limit }) =>
      read((db) => {
        const row = requireCollection(db, id)
        if (row.query === null) return { offset, ...collectionPage(db, id, offset, limit) }
        const page = ctx.library.listArticles({
          filter: { state: 'all', collection: row.name },
          sort: 'newest',
          offset,
          limit,
        })
        return { offset, total: page.total, items: page.items }
      }),
    'collections.get': async ({ id }) =>
      read((db) => {
        const row = requireCollection(db, id)
        const collection = infoOf(db, row, plainCounts(db))
        if (row.query === null) {
          const coverage = coverageOf(db, {
            sql: 'SELECT article FROM collection_articles WHERE collection = ?',
            params: [id],
          })
          return { collection, ...coverage, countedOver: collection.articles + collection.archived }
        }
        const filter = expandSmartCollection(db, { state: 'all', collection: row.name })
        const newest = filter ? newestSelected(filter, SMART_COVERAGE_LIMIT) : null
        if (!newest) return { collection, countries: [], correspondents: [], countedOver: 0 }
        const coverage = coverageOf(db, newest)
        const countedOver = Math.min(SMART_COVERAGE_LIMIT, collection.articles + collection.archived)
        return { collection, ...coverage, countedOver }
      }),
    'collections.ofArticle': async ({ article }) =>
      read((db) => {
        const [rowid] = rowidsOf(db, [article])
        return { collections: rowid === undefined ? [] : membershipsOf(db, rowid) }
      }),
  }
}
