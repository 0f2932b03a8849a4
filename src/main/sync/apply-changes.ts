import { parseClock } from './hlc'
import type { SqlDatabase } from '../library/database'
import { deleteCollection, POSITION_GAP } from '../collections/collection-store'
import { saveCountryEdits } from '../countries/country-store'
import {
  applyByline,
  applyMerge,
  emptyCorrespondentFollowups,
  type CorrespondentFollowups,
} from './correspondent-changes'
import { applyHighlight } from './highlight-changes'
import type { Change, RegisterValue } from './log-line'
import { registeredOrder, STATE_FIELDS, stateKey } from './local-changes'
import { mergeRegister, noteEvent, registerOf, registersUnder, sameValue } from './sync-store'

/**
 * Changes read from other devices' logs, made in this library (docs/sync.md). The SQL part runs in
 * the caller's transaction; what needs files or other stores (an article to store, one to delete,
 * a feed) is returned for the engine to do after it.
 */

export interface Followups {
  /** Articles whose file is to be read and stored (their sync_pending rows are written). */
  arrivals: number
  deletions: string[]
  collections: Set<string>
  correspondents: CorrespondentFollowups
}

export function emptyFollowups(): Followups {
  return { arrivals: 0, deletions: [], collections: new Set(), correspondents: emptyCorrespondentFollowups() }
}

type Obj = { [key: string]: RegisterValue }

function isObject(value: RegisterValue): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const COUNTRY_CODE = /^[A-Z]{2}$/
const ARTICLE_ID = /^[0-9a-f]{16}$/

export function applyChange(db: SqlDatabase, change: Change, followups: Followups, at: string): void {
  const before = registerOf(db, change.key)
  if (!mergeRegister(db, change, before ?? null)) {
    // A change made elsewhere that lost to a newer one from another device: the person may want to know.
    const loser = parseClock(change.clock)?.device
    const winner = before ? parseClock(before.clock)?.device : undefined
    if (before && loser && winner && loser !== winner && !sameValue(before.value, change.value)) {
      noteEvent(db, {
        at,
        device: loser,
        kind: 'conflict',
        key: change.key,
        detail: JSON.stringify(change.value),
      })
    }
    return
  }
  const [kind, ...rest] = change.key.split('/')
  const device = parseClock(change.clock)?.device ?? ''
  switch (kind) {
    case 'article':
      return applyArticle(db, rest[0] ?? '', change, followups, device, at)
    case 'state':
      return applyState(db, rest[0] ?? '', rest[1] ?? '', change.value)
    case 'collection':
      followups.collections.add(rest[0] ?? '')
      return applyCollection(db, rest[0] ?? '', change.value)
    case 'member':
      followups.collections.add(rest[0] ?? '')
      return
    case 'follow':
      return applyFollow(db, rest, change.value)
    case 'feed':
      return applyFeed(db, decodeURIComponent(rest.join('/')), change.value, at)
    case 'country':
      return applyCountryEdit(db, rest[0] ?? '', rest[1] ?? '', change.value, at)
    case 'byline':
      return applyByline(db, rest[0] ?? '', change.value, followups.correspondents)
    case 'merge':
      return applyMerge(db, change.key, change.value, followups.correspondents)
    case 'highlight':
      return applyHighlight(db, rest[0] ?? '', change.value)
    default:
      // device/, lease/, and kinds a newer Dateline writes: the register is kept, nothing to show.
      return
  }
}

function applyArticle(
  db: SqlDatabase,
  id: string,
  change: Change,
  followups: Followups,
  device: string,
  at: string,
): void {
  if (!ARTICLE_ID.test(id)) return
  if (change.value === null) {
    db.run('DELETE FROM sync_pending WHERE article = ?', [id])
    if (db.get('SELECT 1 FROM articles WHERE id = ?', [id])) followups.deletions.push(id)
    noteEvent(db, { at, device, kind: 'arrived', key: change.key, detail: 'deleted' })
    return
  }
  if (!isObject(change.value) || typeof change.value.sha !== 'string') return
  const published = db.get<{ sha: string }>('SELECT sha FROM sync_published WHERE article = ?', [id])
  if (published?.sha === change.value.sha) return
  db.run(
    `INSERT INTO sync_pending (article, sha, clock) VALUES (?, ?, ?)
     ON CONFLICT (article) DO UPDATE SET sha = excluded.sha, clock = excluded.clock`,
    [id, change.value.sha, change.clock],
  )
  followups.arrivals++
}

function applyState(db: SqlDatabase, id: string, field: string, value: RegisterValue): void {
  if (!ARTICLE_ID.test(id) || typeof value !== 'boolean') return
  const column = STATE_FIELDS.find((f) => f === field)
  if (!column) return
  db.run(`UPDATE articles SET ${column} = ? WHERE id = ?`, [value ? 1 : 0, id])
}

/** The states the registers give an article that has just arrived (a field never set is false). */
export function applyStatesOf(db: SqlDatabase, id: string): void {
  for (const field of STATE_FIELDS) {
    const value = registerOf(db, stateKey(id, field))?.value
    if (typeof value === 'boolean') applyState(db, id, field, value)
  }
}

function localCollection(db: SqlDatabase, uid: string): number | undefined {
  return db.get<{ collection: number }>('SELECT collection FROM sync_collections WHERE uid = ?', [uid])
    ?.collection
}

/** A name no other collection here has: the same name made for two collections gets a number. */
function freeName(db: SqlDatabase, name: string, except: number | undefined): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`
    const taken = db.get<{ id: number }>('SELECT id FROM collections WHERE name = ?', [candidate])
    if (!taken || taken.id === except) return candidate
  }
}

function applyCollection(db: SqlDatabase, uid: string, value: RegisterValue): void {
  const local = localCollection(db, uid)
  if (value === null) {
    if (local !== undefined) deleteCollection(db, local)
    return
  }
  if (!isObject(value) || typeof value.name !== 'string' || value.name.trim() === '') return
  const name = value.name.trim().replace(/\s+/g, ' ').slice(0, 300)
  const description = typeof value.description === 'string' ? value.description.slice(0, 20_000) : ''
  const query = typeof value.filter === 'string' ? value.filter : null
  if (local !== undefined) {
    db.run('UPDATE collections SET name = ?, description = ?, query = ? WHERE id = ?', [
      freeName(db, name, local),
      description,
      query,
      local,
    ])
    return
  }
  // The same collection made on two devices before they met is one (its uid comes from its name).
  const sameName = db.get<{ id: number }>(
    'SELECT c.id FROM collections c WHERE c.name = ? AND NOT EXISTS (SELECT 1 FROM sync_collections s WHERE s.collection = c.id)',
    [name],
  )
  if (sameName) {
    db.run('INSERT INTO sync_collections (collection, uid) VALUES (?, ?)', [sameName.id, uid])
    db.run('UPDATE collections SET description = ?, query = ? WHERE id = ?', [
      description,
      query,
      sameName.id,
    ])
    return
  }
  const id = db.run('INSERT INTO collections (name, description, created_at, query) VALUES (?, ?, ?, ?)', [
    freeName(db, name, undefined),
    description,
    new Date().toISOString(),
    query,
  ]).lastInsertRowid
  db.run('INSERT INTO sync_collections (collection, uid) VALUES (?, ?)', [id, uid])
}

/**
 * A plain collection's members and order made what the registers say, for the articles this
 * library has (the others join when they arrive).
 */
export function applyMembers(db: SqlDatabase, uid: string, at: string): void {
  const local = localCollection(db, uid)
  if (local === undefined) return
  const row = db.get<{ query: string | null }>('SELECT query FROM collections WHERE id = ?', [local])
  if (!row || row.query !== null) return
  const prefix = `member/${uid}/`
  for (const [key, register] of registersUnder(db, prefix)) {
    if (register.value !== null) continue
    db.run(
      'DELETE FROM collection_articles WHERE collection = ? AND article = (SELECT rowid FROM articles WHERE id = ?)',
      [local, key.slice(prefix.length)],
    )
  }
  registeredOrder(db, uid).forEach((article, i) => {
    db.run(
      `INSERT INTO collection_articles (collection, article, position, added_at)
       SELECT ?, rowid, ?, ? FROM articles WHERE id = ?
       ON CONFLICT (collection, article) DO UPDATE SET position = excluded.position`,
      [local, (i + 1) * POSITION_GAP, at, article],
    )
  })
}

/** Every collection that has members registered (after articles arrived). */
export function collectionsWithMembers(db: SqlDatabase): string[] {
  return db.all<{ uid: string }>('SELECT uid FROM sync_collections').map((r) => r.uid)
}

function applyFollow(db: SqlDatabase, parts: string[], value: RegisterValue): void {
  if (!isObject(value) || typeof value.followed !== 'boolean' || parts.length !== 2) return
  const nameKey = decodeURIComponent(parts[0]!)
  const outletKey = decodeURIComponent(parts[1]!)
  const followed = value.followed ? 1 : 0
  const found = db.get<{ id: number }>(
    'SELECT coalesce(merged_into, id) AS id FROM correspondents WHERE name_key = ? AND outlet_key = ?',
    [nameKey, outletKey],
  )
  if (found) {
    db.run(
      `UPDATE correspondents SET followed = ?, followed_at = CASE WHEN ? = 1 THEN coalesce(followed_at, ?) ELSE NULL END
       WHERE id = ? OR merged_into = ?`,
      [followed, followed, new Date().toISOString(), found.id, found.id],
    )
    return
  }
  if (!value.followed || typeof value.name !== 'string' || nameKey === '') return
  const kind = value.kind === 'team' || value.kind === 'agency' ? value.kind : 'person'
  db.run(
    'INSERT INTO correspondents (name, name_key, outlet_key, kind, followed, followed_at) VALUES (?, ?, ?, ?, 1, ?)',
    [value.name.slice(0, 300), nameKey, outletKey, kind, new Date().toISOString()],
  )
}

function applyCountryEdit(db: SqlDatabase, id: string, code: string, value: RegisterValue, at: string): void {
  if (!ARTICLE_ID.test(id) || !COUNTRY_CODE.test(code)) return
  if (value !== 'primary' && value !== 'mentioned' && value !== 'removed') return
  const rowid = db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id])?.rowid
  if (rowid !== undefined) {
    saveCountryEdits(db, rowid, id, [{ code, role: value }], at)
    return
  }
  // Kept by article id: the article shows it when it arrives (storeArticleCountries reads the edits).
  db.run(
    `INSERT INTO country_edits (article_id, code, role, edited_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id, code) DO UPDATE SET role = excluded.role, edited_at = excluded.edited_at`,
    [id, code, value, at],
  )
}

function applyFeed(db: SqlDatabase, url: string, value: RegisterValue, at: string): void {
  if (!/^https?:\/\//i.test(url) || url.length > 8192) return
  const existing = db.get<{ id: number }>('SELECT id FROM feeds WHERE url = ? AND correspondent IS NULL', [
    url,
  ])
  if (value === null) {
    if (!existing) return
    db.run('DELETE FROM feeds WHERE id = ?', [existing.id])
    db.run(`DELETE FROM sidebar_counts WHERE kind = 'feed' AND key = ?`, [String(existing.id)])
    return
  }
  if (!isObject(value)) return
  const folder = typeof value.folder === 'string' && value.folder !== '' ? value.folder.slice(0, 300) : null
  const captureMode = value.captureMode === 'summary' ? 'summary' : 'full'
  if (existing) {
    db.run('UPDATE feeds SET folder = ?, capture_mode = ? WHERE id = ?', [folder, captureMode, existing.id])
    return
  }
  const title =
    typeof value.title === 'string' && value.title.trim() !== ''
      ? value.title.slice(0, 1000)
      : new URL(url).host
  db.run(
    `INSERT INTO feeds (url, title, site_url, folder, added_at, capture_mode, next_attempt_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
    [url, title, folder, at, captureMode, at],
  )
}
