import { ArticleFilter } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import type { ExportSelection } from '@shared/export'
import type { LibraryStore } from '../library/library-store'

/**
 * Which articles an export takes, walked a page of ids at a time so a collection of 100,000 costs
 * the same memory as one of ten: a plain collection in its person-made order, a smart collection
 * by its saved search, a selection of ids, a list filter, or the whole library.
 */

const PAGE = 200

export interface SelectionWalk {
  /** Articles in all (a selection's ids may name some that are gone; they are skipped). */
  total: number
  /** A title for what is exported: the collection's name, else a description. */
  title: string
  /** The collection exported, for an archive to keep its order; null for other selections. */
  collection: string | null
  /** The whole library: an archive of it carries every collection and correspondent. */
  whole: boolean
  pages(): AsyncGenerator<string[]>
}

interface CollectionRow {
  id: number
  name: string
  query: string | null
}

export function walkSelection(library: LibraryStore, selection: ExportSelection): SelectionWalk {
  switch (selection.kind) {
    case 'collection':
      return walkCollection(library, selection.name)
    case 'ids': {
      const ids = [...new Set(selection.ids)]
      return {
        total: ids.length,
        title: ids.length === 1 ? (library.get(ids[0]!)?.title ?? 'Dateline') : `${ids.length} articles`,
        collection: null,
        whole: false,
        async *pages() {
          for (let at = 0; at < ids.length; at += PAGE) yield ids.slice(at, at + PAGE)
        },
      }
    }
    case 'filter':
      return walkFilter(library, ArticleFilter.parse(selection.filter), 'Dateline articles')
    case 'library':
      return walkLibrary(library)
  }
}

function walkCollection(library: LibraryStore, name: string): SelectionWalk {
  const row = library.query((db) =>
    db.get<CollectionRow>('SELECT id, name, query FROM collections WHERE name = ? COLLATE NOCASE', [name]),
  )
  if (!row) throw new DatelineError('NOT_FOUND', `There is no collection called "${name}".`)
  if (row.query !== null) {
    return { ...walkFilter(library, smartFilter(row.query, row.name), row.name), collection: row.name }
  }
  const total =
    library.query((db) =>
      db.get<{ n: number }>('SELECT count(*) AS n FROM collection_articles WHERE collection = ?', [row.id]),
    )?.n ?? 0
  return {
    total,
    title: row.name,
    collection: row.name,
    whole: false,
    async *pages() {
      // Keyset on (position, article): a page costs the same deep in the collection as at its start.
      let after: { position: number; article: number } = { position: -Infinity, article: 0 }
      for (;;) {
        const rows = library.query((db) =>
          db.all<{ id: string; position: number; article: number }>(
            `SELECT a.id, ca.position, ca.article FROM collection_articles ca
             JOIN articles a ON a.rowid = ca.article
             WHERE ca.collection = ? AND (ca.position > ? OR (ca.position = ? AND ca.article > ?))
             ORDER BY ca.position, ca.article LIMIT ?`,
            [row.id, after.position, after.position, after.article, PAGE],
          ),
        )
        if (rows.length === 0) return
        yield rows.map((r) => r.id)
        const last = rows[rows.length - 1]!
        after = { position: last.position, article: last.article }
        if (rows.length < PAGE) return
      }
    },
  }
}

/** A smart collection's saved search as list filters; keys this version does not know are left out. */
export function smartFilter(query: string, name: string): ArticleFilter {
  let raw: unknown
  try {
    raw = JSON.parse(query)
  } catch {
    raw = null
  }
  const known =
    raw && typeof raw === 'object'
      ? Object.fromEntries(Object.entries(raw).filter(([key]) => Object.hasOwn(ArticleFilter.shape, key)))
      : null
  const parsed = ArticleFilter.safeParse(known)
  if (!parsed.success) {
    throw new DatelineError('LIBRARY_DAMAGED', `The saved search of the collection "${name}" cannot be read.`)
  }
  return parsed.data
}

function walkFilter(library: LibraryStore, filter: ArticleFilter, title: string): SelectionWalk {
  const sort = filter.query ? 'relevance' : 'newest'
  const first = library.listArticles({ filter, sort, offset: 0, limit: 1 })
  return {
    total: first.total,
    title,
    collection: null,
    whole: false,
    async *pages() {
      for (let offset = 0; ; offset += PAGE) {
        const page = library.listArticles({ filter, sort, offset, limit: PAGE })
        if (page.items.length === 0) return
        yield page.items.map((a) => a.id)
        if (page.items.length < PAGE) return
      }
    },
  }
}

function walkLibrary(library: LibraryStore): SelectionWalk {
  const total = library.query((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? 0)
  return {
    total,
    title: 'Dateline library',
    collection: null,
    whole: true,
    async *pages() {
      let after = { addedAt: '\uffff', id: '' }
      for (;;) {
        const rows = library.query((db) =>
          db.all<{ id: string; added_at: string }>(
            `SELECT id, added_at FROM articles WHERE added_at < ? OR (added_at = ? AND id > ?)
             ORDER BY added_at DESC, id LIMIT ?`,
            [after.addedAt, after.addedAt, after.id, PAGE],
          ),
        )
        if (rows.length === 0) return
        yield rows.map((r) => r.id)
        const last = rows[rows.length - 1]!
        after = { addedAt: last.added_at, id: last.id }
        if (rows.length < PAGE) return
      }
    },
  }
}
