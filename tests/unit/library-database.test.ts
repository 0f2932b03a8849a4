import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { indexArticleText } from '../../src/main/library/article-text-index'
import {
  databaseVersion,
  LATEST_DATABASE_VERSION,
  migrateDatabase,
  recountSidebar,
} from '../../src/main/library/schema'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let db: SqlDatabase

beforeEach(async () => {
  dir = await makeTempDir()
  db = SqlDatabase.open(join(dir, 'library.db'))
  migrateDatabase(db)
})

afterEach(async () => {
  db.close()
  await removeDir(dir)
})

let n = 0
function addArticle(state: { read?: boolean; starred?: boolean; archived?: boolean } = {}): number {
  n++
  return db.run(
    `INSERT INTO articles (id, source, title, excerpt, added_at, updated_at, word_count, reading_minutes, read, starred, archived)
     VALUES (?, 'url', ?, '', ?, ?, 1, 1, ?, ?, ?)`,
    [
      n.toString(16).padStart(16, '0'),
      `Article ${n}`,
      `2025-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
      '2025-01-01T00:00:00Z',
      state.read ?? false,
      state.starred ?? false,
      state.archived ?? false,
    ],
  ).lastInsertRowid
}

function counts(): unknown[] {
  return db.all(
    "SELECT kind, key, articles, unread, starred, archived FROM sidebar_counts WHERE articles + unread + starred + archived > 0 OR kind = 'library' ORDER BY kind, key",
  )
}

describe('the library database', () => {
  it('is at the latest schema version after migrating, and migrating again changes nothing', () => {
    expect(databaseVersion(db)).toBe(LATEST_DATABASE_VERSION)
    expect(migrateDatabase(db)).toBe(LATEST_DATABASE_VERSION)
  })

  it('refuses an article id that could name a path outside its folder', () => {
    for (const id of ['../../../etc/pa', '0123456789ABCDEF', '0123456789abcde', '0123456789abcdef0']) {
      expect(() =>
        db.run(
          `INSERT INTO articles (id, source, title, excerpt, added_at, updated_at, word_count, reading_minutes)
           VALUES (?, 'url', 't', '', 'x', 'x', 0, 0)`,
          [id],
        ),
      ).toThrow()
    }
  })

  it('answers a query again once the process that held the file lets go, after refusing it as busy', () => {
    addArticle()
    addArticle()
    const reader = SqlDatabase.open(join(dir, 'library.db'), { readOnly: true, busyTimeoutMs: 0 })
    const titles = (): string[] =>
      reader.all<{ title: string }>('SELECT title FROM articles ORDER BY title').map((r) => r.title)
    expect(titles()).toHaveLength(2)
    // A writer in exclusive mode (the app) keeps the file locked after its first change.
    const holder = SqlDatabase.open(join(dir, 'library.db'), { exclusive: true })
    holder.transaction(() => holder.run('UPDATE articles SET read = 1'))
    try {
      expect(titles).toThrow(/locked/)
      holder.close()
      expect(titles()).toHaveLength(2)
    } finally {
      holder.close()
      reader.close()
    }
  })

  it('undoes all of a transaction that fails half-way', () => {
    expect(() =>
      db.transaction(() => {
        addArticle()
        throw new Error('stop')
      }),
    ).toThrow('stop')
    expect(db.get<{ c: number }>('SELECT count(*) AS c FROM articles')?.c).toBe(0)
  })

  it('keeps the sidebar counts equal to a full recount through adds, state changes, memberships and deletes', () => {
    const a = addArticle()
    const b = addArticle({ read: true })
    const c = addArticle({ starred: true })
    db.run(
      `INSERT INTO article_countries (code, article, name, role) VALUES ('BY', ?, 'Belarus', 'primary')`,
      [a],
    )
    db.run(
      `INSERT INTO article_countries (code, article, name, role) VALUES ('BY', ?, 'Belarus', 'primary')`,
      [b],
    )
    db.run(
      `INSERT INTO article_countries (code, article, name, role) VALUES ('UA', ?, 'Ukraine', 'primary')`,
      [c],
    )
    db.run(`INSERT INTO collections (id, name, created_at) VALUES (7, 'Dossier', 'x')`)
    db.run(
      `INSERT INTO collection_articles (collection, article, position, added_at) VALUES (7, ?, 1, 'x')`,
      [a],
    )
    db.run(`INSERT INTO feeds (id, url, added_at) VALUES (3, 'https://f.example/rss', 'x')`)
    db.run(`INSERT INTO feed_items (feed, guid, article, seen_at) VALUES (3, 'g1', ?, 'x')`, [c])
    db.run(`INSERT INTO feed_items (feed, guid, seen_at) VALUES (3, 'g2', 'x')`)
    db.run(`UPDATE feed_items SET article = ? WHERE guid = 'g2'`, [b])
    db.run('UPDATE articles SET read = 1 WHERE rowid = ?', [a])
    db.run('UPDATE articles SET archived = 1 WHERE rowid = ?', [c])
    db.run('UPDATE articles SET starred = 1, read = 0 WHERE rowid = ?', [b])
    db.run('DELETE FROM article_countries WHERE code = ? AND article = ?', ['BY', b])
    db.run('DELETE FROM articles WHERE rowid = ?', [a])
    const kept = counts()
    recountSidebar(db)
    expect(kept).toEqual(counts())
    expect(
      db.get("SELECT articles, unread, starred, archived FROM sidebar_counts WHERE kind = 'library'"),
    ).toEqual({
      articles: 1,
      unread: 1,
      starred: 2,
      archived: 1,
    })
    // The feed keeps its item when its article goes, so the feed does not bring it back.
    db.run('DELETE FROM articles WHERE rowid = ?', [b])
    expect(db.all('SELECT guid, article FROM feed_items ORDER BY guid')).toEqual([
      { guid: 'g1', article: c },
      { guid: 'g2', article: null },
    ])
  })

  it('finds an article by a folded word and a prefix, and forgets it once removed from the index', () => {
    const a = addArticle()
    indexArticleText(db, a, {
      title: 'Café culture in Kraków',
      correspondents: 'Zoë',
      site: 'News',
      excerpt: '',
      body: 'Terraces',
    })
    const match = (q: string): unknown[] =>
      db.all('SELECT rowid FROM article_fts WHERE article_fts MATCH ?', [q])
    expect(match('cafe')).toEqual([{ rowid: a }])
    expect(match('krak*')).toEqual([{ rowid: a }])
    db.run('DELETE FROM article_fts WHERE rowid = ?', [a])
    expect(match('cafe')).toEqual([])
  })
})
