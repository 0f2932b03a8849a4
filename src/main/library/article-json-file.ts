import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { writeFileAtomic } from './atomic-file'
import { assertNoLinkBetween, readRegularFile } from './confined-files'
import { articleDir, type LibraryLayout } from './layout'
import { SerialWriter } from './serial-writer'

/**
 * A small JSON file of the person's own work kept in an article's folder beside its body (their
 * country edits, their list of correspondents, their highlights), so that `dateline rebuild` of a
 * damaged library.db brings it back. The database stays the source of truth; the file follows it.
 * Every such file is read and written through here, so each kind gets the same guards: confined to
 * the article's folder (no link on the way), capped in size, checked against its schema when read,
 * replaced atomically, and written by one writer per article at a time.
 */
export interface ArticleJsonFile<T> {
  /** The file's name in the article's folder; it is not a revision's name, so a re-capture keeps it. */
  readonly name: string
  path(layout: LibraryLayout, articleId: string): string
  /**
   * What the article's file holds, or null when there is none or it is not one Dateline wrote (a
   * link, too large, not JSON, not this shape): nothing read back from the folder is trusted.
   */
  read(layout: LibraryLayout, articleId: string): Promise<T | null>
  /**
   * Writes what `contents` returns when the write starts: a value replaces the file, null removes
   * it, undefined leaves it as it is (the article has no folder to write in). One write runs at a
   * time per article of a library; saves asked for while one runs share the next write, which takes
   * the latest caller's contents, so a slow earlier write never lands after a later one. Resolves
   * once a write that started after this call is done.
   */
  save(layout: LibraryLayout, articleId: string, contents: () => T | null | undefined): Promise<void>
}

interface PendingWrite<T> {
  writer: SerialWriter
  contents: () => T | null | undefined
  /** Saves not yet resolved; at 0 nothing runs or waits, and the entry goes (100k articles imported). */
  callers: number
}

export function articleJsonFile<T>(kind: {
  name: string
  schema: z.ZodType<T>
  /** Far above what Dateline writes; a larger file was put there by someone else. */
  maxBytes: number
}): ArticleJsonFile<T> {
  const path = (layout: LibraryLayout, articleId: string): string =>
    join(articleDir(layout, articleId), kind.name)
  // Keyed by the open library's layout, which every service of that library shares.
  const pending = new WeakMap<LibraryLayout, Map<string, PendingWrite<T>>>()

  const write = async (layout: LibraryLayout, articleId: string, value: T | null): Promise<void> => {
    const target = path(layout, articleId)
    await assertNoLinkBetween(layout.root, target)
    if (value === null) await rm(target, { force: true })
    else await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`)
  }

  return {
    name: kind.name,
    path,
    read: async (layout, articleId) => {
      try {
        const target = path(layout, articleId)
        await assertNoLinkBetween(layout.root, target)
        const bytes = await readRegularFile(target, kind.maxBytes)
        const parsed = kind.schema.safeParse(JSON.parse(bytes.toString('utf8')))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
    save: async (layout, articleId, contents) => {
      let ofLibrary = pending.get(layout)
      if (!ofLibrary) {
        ofLibrary = new Map()
        pending.set(layout, ofLibrary)
      }
      let entry = ofLibrary.get(articleId)
      if (!entry) {
        const created: PendingWrite<T> = {
          contents,
          callers: 0,
          writer: new SerialWriter(async () => {
            const value = created.contents()
            if (value !== undefined) await write(layout, articleId, value)
          }),
        }
        entry = created
        ofLibrary.set(articleId, entry)
      }
      entry.contents = contents
      entry.callers++
      try {
        await entry.writer.save()
      } finally {
        if (--entry.callers === 0) ofLibrary.delete(articleId)
      }
    },
  }
}
