import { z } from 'zod'
import { Correspondent } from '@shared/article'
import { articleJsonFile } from '../library/article-json-file'
import { CORRESPONDENTS_EDIT_FILE, type LibraryLayout } from '../library/layout'

/*
 * The person's list of an article's correspondents, also kept as a file in the article's folder:
 * the database row says the same (origin 'person'), but `dateline rebuild` recreates the database
 * from the folders, and an edit the person made must come back with it.
 */

const correspondentsEditFile = articleJsonFile({
  name: CORRESPONDENTS_EDIT_FILE,
  schema: z.object({
    correspondents: z.array(Correspondent.pick({ name: true, kind: true })).max(20),
    editedAt: z.string(),
  }),
  /** A hand-written list is a few names; anything larger was not written by Dateline. */
  maxBytes: 64 * 1024,
})

/** Keeps the person's list in the article's folder; an empty list removes the file. */
export async function writeCorrespondentsEdit(
  layout: LibraryLayout,
  articleId: string,
  people: Pick<Correspondent, 'name' | 'kind'>[],
  now: Date,
): Promise<void> {
  const file =
    people.length === 0
      ? null
      : { correspondents: people.map(({ name, kind }) => ({ name, kind })), editedAt: now.toISOString() }
  await correspondentsEditFile.save(layout, articleId, () => file)
}

/** The edit kept for an article, or null when there is none (or the file is not one of ours). */
export async function readCorrespondentsEdit(
  layout: LibraryLayout,
  articleId: string,
): Promise<Pick<Correspondent, 'name' | 'kind'>[] | null> {
  const file = await correspondentsEditFile.read(layout, articleId)
  const people = (file?.correspondents ?? [])
    .map((person) => ({ name: person.name.trim().slice(0, 200), kind: person.kind }))
    .filter((person) => person.name !== '')
  return people.length > 0 ? people : null
}
