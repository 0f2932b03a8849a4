import { readFile } from 'node:fs/promises'
import { ArticleSummary } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { isArticleId } from './confined-files'
import { shardKey, shardKeys, shardPath, type LibraryLayout } from './layout'

/**
 * Schema 1, the sharded JSON library (meta/<00..ff>.json and trash.json), read once to migrate it.
 * Entries that did not come from Dateline (an id that is not one, an entry in the wrong shard, a
 * record of the wrong shape) are left out: their id would become a path.
 */
export interface LegacyLibrary {
  articles: ArticleSummary[]
  /** Ids deleted in the last session; their folders go once the migration is complete. */
  trashed: string[]
  skipped: number
}

const LegacyArticle = ArticleSummary.extend({ archived: ArticleSummary.shape.archived.default(false) })

export async function readLegacyLibrary(layout: LibraryLayout): Promise<LegacyLibrary> {
  const articles: ArticleSummary[] = []
  let skipped = 0
  for (const key of shardKeys()) {
    const shard = await readJson(shardPath(layout, key), `meta/${key}.json`)
    const entries = (shard as { articles?: Record<string, unknown> } | null)?.articles ?? {}
    for (const [id, entry] of Object.entries(entries)) {
      const parsed = LegacyArticle.safeParse(entry)
      if (!isArticleId(id) || !parsed.success || parsed.data.id !== id || shardKey(id) !== key) {
        skipped++
        continue
      }
      articles.push(parsed.data)
    }
  }
  const trash = await readJson(layout.trash, 'trash.json')
  const live = new Set(articles.map((a) => a.id))
  const trashed = Object.keys(
    (trash as { articles?: Record<string, unknown> } | null)?.articles ?? {},
  ).filter((id) => isArticleId(id) && !live.has(id))
  return { articles, trashed, skipped }
}

async function readJson(path: string, describe: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new DatelineError(
      'LIBRARY_DAMAGED',
      `The library file ${describe} is damaged and cannot be read (${(error as Error).message}). ` +
        'Nothing was changed. Restore that file from a backup, or move it out of the library folder to open the rest.',
    )
  }
}
