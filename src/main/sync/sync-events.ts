import type { SqlDatabase } from '../library/database'

/** What the person reads about an arrival or a conflict: the article's title rather than its key. */
export function describeEvent(
  db: SqlDatabase,
  event: { kind: 'arrived' | 'conflict' | 'notice'; key: string; detail: string },
): string {
  const [kind, id, field] = event.key.split('/')
  const title =
    (id && db.get<{ title: string }>('SELECT title FROM articles WHERE id = ?', [id])?.title) ||
    id ||
    event.key
  if (event.kind === 'notice')
    return event.detail === 'damaged line skipped'
      ? `A damaged line of ${event.key} was skipped.`
      : `${title}: ${event.detail}.`
  if (event.kind === 'arrived')
    return event.detail === 'deleted'
      ? `Deleted on another device: ${title}`
      : `Arrived: ${event.detail || title}`
  if (kind === 'state') return `“${title}”: ${field} was changed on two devices; the later change was kept.`
  if (kind === 'member')
    return `An article's place in a collection was changed on two devices; the later change was kept.`
  return `${event.key} was changed on two devices; the later change was kept.`
}
