import { describe, expect, it } from 'vitest'
import type { AddArticleResult } from '@shared/contract'
import type { AnchoredHighlight } from '@shared/highlights'
import type { SqlDatabase } from '../../src/main/library/database'
import { appForEachTest } from '../helpers/app-for-each-test'

const { app, call, reopen } = appForEachTest()

async function addText(title: string): Promise<string> {
  const text = `${title}\n\n${'A paragraph of the dispatch about the talks in Vienna. '.repeat(12)}`
  const { article } = await call<AddArticleResult>('articles.add', { kind: 'text', text })
  return article.id
}

/** A highlight row as an older Dateline left it when it emptied the trash without its highlights. */
function insertHighlight(db: SqlDatabase, id: string, articleId: string): void {
  db.run(
    `INSERT INTO highlights (id, article_id, exact, start, "end", created_at, updated_at)
     VALUES (?, ?, 'talks in Vienna', 0, 15, 'x', 'x')`,
    [id, articleId],
  )
  db.run('INSERT OR IGNORE INTO highlights_unindexed (article_id) VALUES (?)', [articleId])
}

function highlightIds(): string[] {
  return app()
    .library.query((db) => db.all<{ id: string }>('SELECT id FROM highlights ORDER BY id'))
    .map((row) => row.id)
}

describe('highlights of articles that are gone for good', () => {
  it('are swept at open, while those of live, trashed, syncing and sync-known articles stay', async () => {
    const live = await addText('Talks in Vienna resume')
    const trashed = await addText('Harbour reopens in Odesa')
    const own = await call<AnchoredHighlight>('highlights.add', { articleId: live, exact: 'talks in Vienna' })
    const inTrash = await call<AnchoredHighlight>('highlights.add', {
      articleId: trashed,
      exact: 'talks in Vienna',
    })
    await call('articles.delete', { id: trashed })
    app().library.change((db) => {
      insertHighlight(db, 'aaaaaaaaaaaaaaa1', 'dddddddddddddd01')
      insertHighlight(db, 'aaaaaaaaaaaaaaa2', 'dddddddddddddd01')
      // On its way by sync: the article comes after its highlight.
      insertHighlight(db, 'bbbbbbbbbbbbbbb1', 'dddddddddddddd02')
      db.run("INSERT INTO sync_pending (article, sha, clock) VALUES ('dddddddddddddd02', 'x', 'x')")
      // Known to sync: removing it here would tell every device to remove it.
      insertHighlight(db, 'ccccccccccccccc1', 'dddddddddddddd03')
      db.run(
        "INSERT INTO sync_registers (key, clock, value) VALUES ('highlight/ccccccccccccccc1', 'x', '{}')",
      )
    })

    await reopen()

    expect(highlightIds()).toEqual([own.id, inTrash.id, 'bbbbbbbbbbbbbbb1', 'ccccccccccccccc1'].sort())
    const unindexed = app()
      .library.query((db) => db.all<{ article_id: string }>('SELECT article_id FROM highlights_unindexed'))
      .map((row) => row.article_id)
    expect(unindexed).not.toContain('dddddddddddddd01')
  })

  it("are swept when the trash is emptied, with the emptied article's own", async () => {
    const live = await addText('Talks in Vienna resume')
    const own = await call<AnchoredHighlight>('highlights.add', { articleId: live, exact: 'talks in Vienna' })
    app().library.change((db) => insertHighlight(db, 'aaaaaaaaaaaaaaa1', 'dddddddddddddd01'))

    await call('trash.empty', {})

    expect(highlightIds()).toEqual([own.id])
  })

  it('keeps every highlight of a live article, and says what a pass over 20,000 costs', async () => {
    const live = await addText('Talks in Vienna resume')
    app().library.change((db) => {
      for (let i = 0; i < 20_000; i++) insertHighlight(db, i.toString(16).padStart(16, '0'), live)
    })
    const { forgetOrphanHighlights } = await import('../../src/main/trash/trash-store')
    const started = performance.now()
    expect(forgetOrphanHighlights(app().library)).toBe(0)
    const ms = performance.now() - started
    console.log(`orphan-highlight sweep over 20,000 highlights: ${ms.toFixed(1)} ms`)
    expect(highlightIds()).toHaveLength(20_000)
  })
})
