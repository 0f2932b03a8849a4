import { join } from 'node:path'
import { z } from 'zod'
import { CorrespondentKind } from '@shared/article'
import { writeFileAtomic } from '../library/atomic-file'
import { assertNoLinkBetween, readRegularFile } from '../library/confined-files'
import type { LibraryLayout } from '../library/layout'
import type { LibraryStore } from '../library/library-store'
import { SerialWriter } from '../library/serial-writer'
import { groupEditsOf } from './correspondent-store'

/*
 * The person's merges and follows of correspondents, kept in the library folder beside library.db
 * (`correspondent-edits.json`), so `dateline rebuild`, which recreates the database from the
 * article folders, gives them back, as it gives back each article's edits. They belong to no one
 * article, so they are one small document for the library, rewritten whole (atomically) from the
 * database after every merge, split, follow or unfollow. A correspondent is named by its key
 * (normalised name and outlet), as in the Dateline archive and the sync log: a row id means nothing
 * in another database.
 */

export const GROUP_EDITS_FILE = 'correspondent-edits.json'

/** Thousands of merges and follows are a few hundred KB; anything near this was not written by Dateline. */
const MAX_FILE_BYTES = 32 * 1024 * 1024

const Key = z.object({ nameKey: z.string().min(1).max(1000), outletKey: z.string().max(1000) })
export type CorrespondentKey = z.infer<typeof Key>

const GroupEdits = z.object({
  format: z.literal(1),
  /** Each merged entry and the entry it is shown under (the group's root). */
  merges: z.array(z.object({ entry: Key, into: Key })).max(1_000_000),
  /** Followed groups, by their root; name and kind make the entry again when no article names it. */
  follows: z
    .array(
      Key.extend({
        name: z.string().min(1).max(300),
        kind: CorrespondentKind.catch('person'),
        followedAt: z.string().max(40).nullable(),
        feedUrl: z
          .string()
          .max(8192)
          .regex(/^https?:\/\//i)
          .nullable()
          .catch(null),
      }),
    )
    .max(1_000_000),
  /** Pairs the person said are different people, not to be offered as one again (same-name.ts). */
  notSame: z
    .array(z.object({ a: Key, b: Key }))
    .max(1_000_000)
    .optional(),
})
export type GroupEdits = z.infer<typeof GroupEdits>

export function groupEditsPath(layout: LibraryLayout): string {
  return join(layout.root, GROUP_EDITS_FILE)
}

/** The edits kept in the library folder; none when there is no file or it is not one of ours. */
export async function readGroupEdits(layout: LibraryLayout): Promise<GroupEdits | null> {
  try {
    const path = groupEditsPath(layout)
    await assertNoLinkBetween(layout.root, path)
    const parsed = GroupEdits.safeParse(
      JSON.parse((await readRegularFile(path, MAX_FILE_BYTES)).toString('utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const writers = new WeakMap<LibraryStore, SerialWriter>()

/**
 * Writes the library's merges and follows as the database has them now. Saves asked for while one
 * is written share the next write, which reads the database when it starts, so the file never ends
 * older than the last change. A write that would not change the file is left out.
 */
export function saveGroupEdits(library: LibraryStore): Promise<void> {
  let writer = writers.get(library)
  if (!writer) {
    let written: string | null = null
    const path = groupEditsPath(library.layout)
    writer = new SerialWriter(async () => {
      const text = `${JSON.stringify({ format: 1, ...library.query((db) => groupEditsOf(db)) })}\n`
      if (text === written) return
      await assertNoLinkBetween(library.layout.root, path)
      await writeFileAtomic(path, text)
      written = text
    })
    writers.set(library, writer)
  }
  return writer.save()
}

/** Resolves once no save of the library's merges and follows is being written or waiting to be. */
export async function groupEditsSaved(library: LibraryStore): Promise<void> {
  await writers.get(library)?.idle()
}
