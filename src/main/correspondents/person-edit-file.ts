import { rm } from 'node:fs/promises'
import { z } from 'zod'
import { Correspondent } from '@shared/article'
import { writeFileAtomic } from '../library/atomic-file'
import { assertNoLinkBetween, readRegularFile } from '../library/confined-files'
import { articleCorrespondentsEditPath, type LibraryLayout } from '../library/layout'

/*
 * The person's list of an article's correspondents, also kept as a file in the article's folder:
 * the database row says the same (origin 'person'), but `dateline rebuild` recreates the database
 * from the folders, and an edit the person made must come back with it.
 */

const EditFile = z.object({
  correspondents: z.array(Correspondent.pick({ name: true, kind: true })).max(20),
  editedAt: z.string(),
})

/** A hand-written list is a few names; anything larger was not written by Dateline. */
const MAX_EDIT_BYTES = 64 * 1024

export async function writeCorrespondentsEdit(
  layout: LibraryLayout,
  articleId: string,
  people: Pick<Correspondent, 'name' | 'kind'>[],
  now: Date,
): Promise<void> {
  const path = articleCorrespondentsEditPath(layout, articleId)
  await assertNoLinkBetween(layout.root, path)
  if (people.length === 0) {
    await rm(path, { force: true })
    return
  }
  const file = {
    correspondents: people.map(({ name, kind }) => ({ name, kind })),
    editedAt: now.toISOString(),
  }
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`)
}

/** The edit kept for an article, or null when there is none (or the file is not one of ours). */
export async function readCorrespondentsEdit(
  layout: LibraryLayout,
  articleId: string,
): Promise<Pick<Correspondent, 'name' | 'kind'>[] | null> {
  try {
    const path = articleCorrespondentsEditPath(layout, articleId)
    await assertNoLinkBetween(layout.root, path)
    const parsed = EditFile.safeParse(
      JSON.parse((await readRegularFile(path, MAX_EDIT_BYTES)).toString('utf8')),
    )
    if (!parsed.success) return null
    const people = parsed.data.correspondents
      .map((person) => ({ name: person.name.trim().slice(0, 200), kind: person.kind }))
      .filter((person) => person.name !== '')
    return people.length > 0 ? people : null
  } catch {
    return null
  }
}
