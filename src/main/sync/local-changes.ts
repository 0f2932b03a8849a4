import { createHash } from 'node:crypto'
import type { SqlDatabase } from '../library/database'
import type { RegisterValue } from './log-line'
import { inChunks, placeholders, type Scope } from './look-scope'
import { orderMembers, positionBetween } from './registers'
import { registerOf, registersUnder, sameValue } from './sync-store'

/**
 * What changed in this library since it was last recorded, found by comparing the library's own
 * tables with the registers (docs/sync.md, "Recording"). Whatever path made the change (a window,
 * the CLI, a feed refresh, an import), it is found here, so no other module knows about sync; and a
 * change applied from another device updated its register in the same transaction, so it is never
 * found again. Returns register values; the caller gives them their clocks.
 */

export interface LocalChange {
  key: string
  value: RegisterValue
}

export const STATE_FIELDS = ['read', 'starred', 'archived'] as const

export function stateKey(article: string, field: (typeof STATE_FIELDS)[number]): string {
  return `state/${article}/${field}`
}

/** Articles deleted here since they were published (of those in the scope, look-scope.ts). */
export function deletedArticles(db: SqlDatabase, scope: Scope = 'all'): LocalChange[] {
  const gone =
    'SELECT p.article FROM sync_published p WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article)'
  const rows =
    scope === 'all'
      ? db.all<{ article: string }>(gone)
      : inChunks(scope).flatMap((ids) =>
          db.all<{ article: string }>(`${gone} AND p.article IN (${placeholders(ids)})`, ids),
        )
  return rows.map(({ article }) => ({ key: `article/${article}`, value: null }))
}

/** States changed since `since` (an ISO time, inclusive), where they differ from the registers. */
export function changedStates(db: SqlDatabase, since: string, ids?: readonly string[]): LocalChange[] {
  const rows = ids
    ? ids.flatMap((id) =>
        db.all<StateRow>('SELECT id, read, starred, archived FROM articles WHERE id = ?', [id]),
      )
    : db.all<StateRow>('SELECT id, read, starred, archived FROM articles WHERE state_changed_at >= ?', [
        since,
      ])
  return rows.flatMap((row) => statesOf(db, row))
}

interface StateRow {
  id: string
  read: number
  starred: number
  archived: number
}

function statesOf(db: SqlDatabase, row: StateRow): LocalChange[] {
  return STATE_FIELDS.flatMap((field) => {
    const key = stateKey(row.id, field)
    const value = row[field] === 1
    const current = registerOf(db, key)?.value
    // A field never set anywhere is false: an article read nowhere needs no register.
    if (current === undefined ? !value : current === value) return []
    return [{ key, value }]
  })
}

/** A collection's id on every device: made from its name when it was first seen, else at random. */
export function collectionUid(db: SqlDatabase, collection: number, name: string): string {
  const mapped = db.get<{ uid: string }>('SELECT uid FROM sync_collections WHERE collection = ?', [
    collection,
  ])
  if (mapped) return mapped.uid
  const fromName = createHash('sha256')
    .update(`collection\n${name.toLocaleLowerCase('und')}`)
    .digest('hex')
    .slice(0, 16)
  const taken =
    db.get('SELECT 1 FROM sync_collections WHERE uid = ?', [fromName]) !== undefined ||
    registerOf(db, `collection/${fromName}`) !== undefined
  const uid = taken
    ? createHash('sha256')
        .update(`${fromName}\n${collection}\n${Date.now()}\n${Math.random()}`)
        .digest('hex')
        .slice(0, 16)
    : fromName
  db.run('INSERT INTO sync_collections (collection, uid) VALUES (?, ?)', [collection, uid])
  return uid
}

interface CollectionRow {
  id: number
  name: string
  description: string
  query: string | null
}

/** Collections made, renamed, described or deleted here; their members; their order. */
export function changedCollections(db: SqlDatabase, salt: string): LocalChange[] {
  const changes: LocalChange[] = []
  const rows = db.all<CollectionRow>('SELECT id, name, description, query FROM collections ORDER BY id')
  const live = new Set<string>()
  for (const row of rows) {
    const uid = collectionUid(db, row.id, row.name)
    live.add(uid)
    const value = { name: row.name, description: row.description, filter: row.query }
    if (!sameValue(registerOf(db, `collection/${uid}`)?.value, value))
      changes.push({ key: `collection/${uid}`, value })
    if (row.query === null) changes.push(...changedMembers(db, row.id, uid, salt))
  }
  for (const [key, register] of registersUnder(db, 'collection/')) {
    if (register.value !== null && !live.has(key.slice('collection/'.length)))
      changes.push({ key, value: null })
  }
  return changes
}

/**
 * Members added or taken out here, and the order: members whose registers' positions already follow
 * the local order (the longest run that does) keep them; the others get new positions between
 * their neighbours, so a move here becomes as few changes as it was.
 */
function changedMembers(db: SqlDatabase, collection: number, uid: string, salt: string): LocalChange[] {
  const prefix = `member/${uid}/`
  const registers = registersUnder(db, prefix)
  const local = db.all<{ id: string }>(
    `SELECT a.id FROM collection_articles ca JOIN articles a ON a.rowid = ca.article
     WHERE ca.collection = ? ORDER BY ca.position, a.id`,
    [collection],
  )
  const changes: LocalChange[] = []
  const localIds = new Set(local.map((m) => m.id))
  for (const [key, register] of registers) {
    const article = key.slice(prefix.length)
    if (register.value === null || localIds.has(article)) continue
    // Taken out here, or deleted here (its deletion is its own change; the membership goes too).
    if (db.get('SELECT 1 FROM articles WHERE id = ?', [article])) changes.push({ key, value: null })
  }
  const positions = local.map((m) => {
    const value = registers.get(prefix + m.id)?.value
    return typeof value === 'string' ? value : null
  })
  const keep = longestIncreasing(positions)
  let low: string | null = null
  for (let i = 0; i < local.length; i++) {
    if (keep.has(i)) {
      low = positions[i]!
      continue
    }
    let high: string | null = null
    for (let j = i + 1; j < local.length; j++) {
      if (keep.has(j)) {
        high = positions[j]!
        break
      }
    }
    const position = positionBetween(low, high, salt)
    changes.push({ key: prefix + local[i]!.id, value: position })
    low = position
  }
  return changes
}

/** Indexes of a longest strictly increasing run of the non-null positions (patience sorting). */
function longestIncreasing(positions: (string | null)[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = new Array<number>(positions.length).fill(-1)
  positions.forEach((p, i) => {
    if (p === null) return
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (positions[tails[mid]!]! < p) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]!
    tails[lo] = i
  })
  const kept = new Set<number>()
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i)
  return kept
}

/** A collection's members in the registers' order (what every device shows). */
export function registeredOrder(db: SqlDatabase, uid: string): string[] {
  const prefix = `member/${uid}/`
  const members = [...registersUnder(db, prefix)].flatMap(([key, r]) =>
    typeof r.value === 'string' ? [{ article: key.slice(prefix.length), position: r.value }] : [],
  )
  return orderMembers(members).map((m) => m.article)
}

/** Correspondents followed or no longer followed here. */
export function changedFollows(db: SqlDatabase): LocalChange[] {
  const changes: LocalChange[] = []
  const followed = db.all<{ name: string; name_key: string; outlet_key: string; kind: string }>(
    'SELECT name, name_key, outlet_key, kind FROM correspondents WHERE followed = 1 AND merged_into IS NULL',
  )
  const live = new Set<string>()
  for (const c of followed) {
    const key = followKey(c.name_key, c.outlet_key)
    live.add(key)
    const current = registerOf(db, key)?.value
    if (!(current && typeof current === 'object' && !Array.isArray(current) && current.followed === true)) {
      changes.push({ key, value: { followed: true, name: c.name, kind: c.kind } })
    }
  }
  for (const [key, register] of registersUnder(db, 'follow/')) {
    const value = register.value
    const on = value !== null && typeof value === 'object' && !Array.isArray(value) && value.followed === true
    if (on && !live.has(key)) changes.push({ key, value: { ...(value as object), followed: false } })
  }
  return changes
}

export function followKey(nameKey: string, outletKey: string): string {
  return `follow/${encodeURIComponent(nameKey)}/${encodeURIComponent(outletKey)}`
}

/** Feeds subscribed to or left here (author feeds follow their correspondent, so they are not synced). */
export function changedFeeds(db: SqlDatabase): LocalChange[] {
  const changes: LocalChange[] = []
  const feeds = db.all<{ url: string; title: string; folder: string | null; capture_mode: string }>(
    'SELECT url, title, folder, capture_mode FROM feeds WHERE correspondent IS NULL',
  )
  const live = new Set<string>()
  for (const feed of feeds) {
    const key = `feed/${encodeURIComponent(feed.url)}`
    live.add(key)
    const value = { url: feed.url, title: feed.title, folder: feed.folder, captureMode: feed.capture_mode }
    const current = registerOf(db, key)?.value
    const same =
      current !== null &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      current.folder === value.folder &&
      current.captureMode === value.captureMode
    if (!same) changes.push({ key, value })
  }
  for (const [key, register] of registersUnder(db, 'feed/')) {
    if (register.value !== null && !live.has(key)) changes.push({ key, value: null })
  }
  return changes
}

/** The person's country edits (kept by article id, so they outlive a delete and come with the article). */
export function changedCountryEdits(db: SqlDatabase): LocalChange[] {
  return db
    .all<{ article_id: string; code: string; role: string }>(
      'SELECT article_id, code, role FROM country_edits',
    )
    .flatMap((edit) => {
      const key = `country/${edit.article_id}/${edit.code}`
      return sameValue(registerOf(db, key)?.value, edit.role) ? [] : [{ key, value: edit.role }]
    })
}
