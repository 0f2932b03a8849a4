import { CorrespondentKind, type Correspondent } from '@shared/article'
import { correspondentKey } from '../library/article-rows'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'
import { writePersonCorrespondents } from '../correspondents/correspondent-store'
import { writeCorrespondentsEdit } from '../correspondents/person-edit-file'
import { reindexArticles } from '../search/reindex-articles'
import type { LocalChange } from './local-changes'
import { inChunks, placeholders, type Scope } from './look-scope'
import type { RegisterValue } from './log-line'
import { registerOf, registersUnder } from './sync-store'

/*
 * The person's edits of correspondents, as sync changes (docs/sync.md):
 *
 *   byline/<article>               the person's list of who wrote it, [{name, kind}], or null when
 *                                  the edit was cleared; last writer wins per article
 *   merge/<name key>/<outlet key>  the entry this one is shown under, {name, kind, into: {nameKey,
 *                                  outletKey, name, kind}}, or null when it was split off (or is a
 *                                  root); last writer wins per entry
 *
 * A correspondent is always named by its key, never by a row id (ids are per database). Groups are
 * what the merge registers give, read as pointers: an entry's root is where its chain of merges
 * ends; a loop (two devices merging A into B and B into A at once) ends at its smallest key. That
 * is a function of the registers alone, so every device that has them shows the same groups.
 */

const ARTICLE_ID = /^[0-9a-f]{16}$/
const MAX_NAMES = 20

export interface CorrespondentFollowups {
  /** Articles whose person edit came from another device: their edit file and index entry follow. */
  bylines: Set<string>
  /** Correspondents whose groups changed: their articles' index entries are written again. */
  regrouped: Set<number>
}

export function emptyCorrespondentFollowups(): CorrespondentFollowups {
  return { bylines: new Set(), regrouped: new Set() }
}

type Obj = { [key: string]: RegisterValue }

function isObject(value: RegisterValue | undefined): value is Obj {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value)
}

// ---- Bylines: a person's list of an article's correspondents

export function bylineKey(article: string): string {
  return `byline/${article}`
}

type Person = Pick<Correspondent, 'name' | 'kind'>

/** A list read from a register: at most 20 names, each trimmed, of a known kind; null when it is not one. */
export function peopleOf(value: RegisterValue | undefined): Person[] | null {
  if (!Array.isArray(value)) return null
  const people = value.slice(0, MAX_NAMES).flatMap((item) => {
    if (!isObject(item) || typeof item.name !== 'string') return []
    const name = item.name.trim().slice(0, 200)
    return name === '' ? [] : [{ name, kind: CorrespondentKind.catch('person').parse(item.kind) }]
  })
  return people
}

/** Two lists that name the same correspondents in the same order (names compared as keys). */
function sameList(a: Person[] | null, b: Person[] | null): boolean {
  if (a === null || b === null) return a === b
  return (
    a.length === b.length &&
    a.every((p, i) => correspondentKey(p.name) === correspondentKey(b[i]!.name) && p.kind === b[i]!.kind)
  )
}

/** Person edits made or cleared here since they were recorded (of the articles in the scope). */
export function changedBylines(db: SqlDatabase, scope: Scope = 'all'): LocalChange[] {
  const edited = new Map<string, Person[]>()
  const lists = `SELECT a.id, c.name, c.kind FROM article_correspondents ac
     JOIN correspondents c ON c.id = ac.correspondent JOIN articles a ON a.rowid = ac.article
     WHERE ac.origin = 'person'`
  const rows =
    scope === 'all'
      ? db.all<{ id: string; name: string; kind: string }>(`${lists} ORDER BY a.id, ac.position`)
      : inChunks(scope).flatMap((ids) =>
          db.all<{ id: string; name: string; kind: string }>(
            `${lists} AND a.id IN (${placeholders(ids)}) ORDER BY a.id, ac.position`,
            ids,
          ),
        )
  for (const row of rows) {
    const list = edited.get(row.id) ?? []
    list.push({ name: row.name, kind: CorrespondentKind.catch('person').parse(row.kind) })
    edited.set(row.id, list)
  }
  const changes: LocalChange[] = []
  for (const [id, people] of edited) {
    if (!sameList(peopleOf(registerOf(db, bylineKey(id))?.value), people)) {
      changes.push({ key: bylineKey(id), value: people.map((p) => ({ name: p.name, kind: p.kind })) })
    }
  }
  const inScope = scope === 'all' ? null : new Set(scope)
  for (const [key, register] of registersUnder(db, 'byline/')) {
    const id = key.slice('byline/'.length)
    if (inScope && !inScope.has(id)) continue
    // Cleared here: the article is still here and its list is no longer the person's.
    if (register.value !== null && !edited.has(id) && db.get('SELECT 1 FROM articles WHERE id = ?', [id])) {
      changes.push({ key, value: null })
    }
  }
  return changes
}

/** A byline register that won: the article's list becomes it (when the article is here). */
export function applyByline(
  db: SqlDatabase,
  article: string,
  value: RegisterValue,
  followups: CorrespondentFollowups,
): void {
  if (!ARTICLE_ID.test(article)) return
  const rowid = db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [article])?.rowid
  if (rowid === undefined) return
  // Cleared (null) is what a clear does here: the article credits no one until it is captured again.
  const people = value === null ? [] : peopleOf(value)
  if (people === null) return
  writePersonCorrespondents(db, rowid, people)
  followups.bylines.add(article)
}

/** An article that has just arrived takes the person's list its register holds. */
export function applyBylineOf(db: SqlDatabase, article: string, followups: CorrespondentFollowups): void {
  const register = registerOf(db, bylineKey(article))
  if (register) applyByline(db, article, register.value, followups)
}

// ---- Merges: which entry a correspondent is shown under

export interface EntryKey {
  nameKey: string
  outletKey: string
}

export function mergeKey(entry: EntryKey): string {
  return `merge/${encodeURIComponent(entry.nameKey)}/${encodeURIComponent(entry.outletKey)}`
}

export function entryOfMergeKey(key: string): EntryKey | null {
  const parts = key.split('/')
  if (parts.length !== 3 || parts[0] !== 'merge') return null
  try {
    const entry = { nameKey: decodeURIComponent(parts[1]!), outletKey: decodeURIComponent(parts[2]!) }
    return entry.nameKey === '' ? null : entry
  } catch {
    return null
  }
}

interface NamedEntry extends EntryKey {
  name: string
  kind: string
}

/** The entry a merge register points at, or null (split off, or not a merge). */
export function targetOf(value: RegisterValue | undefined): NamedEntry | null {
  if (!isObject(value) || !isObject(value.into)) return null
  const { nameKey, outletKey, name, kind } = value.into
  if (typeof nameKey !== 'string' || nameKey === '' || typeof outletKey !== 'string') return null
  return {
    nameKey: nameKey.slice(0, 1000),
    outletKey: outletKey.slice(0, 1000),
    name: typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 300) : nameKey,
    kind: CorrespondentKind.catch('person').parse(kind),
  }
}

/**
 * Every merged entry's root, from the merge registers alone (keys are `mergeKey`s, values their
 * registers' values): follow each entry's pointer to an entry that points nowhere; in a loop, the
 * loop's smallest key is the root. The same registers give the same map in whatever order they
 * are given. Entries that are roots are absent.
 */
export function resolveGroups(registers: Iterable<[string, RegisterValue]>): Map<string, string> {
  const next = new Map<string, string>()
  for (const [key, value] of registers) {
    const target = targetOf(value)
    if (target && entryOfMergeKey(key)) next.set(key, mergeKey(target))
  }
  const roots = new Map<string, string>()
  for (const start of next.keys()) {
    const path: string[] = []
    const seen = new Set<string>()
    let at = start
    while (next.has(at) && !seen.has(at)) {
      seen.add(at)
      path.push(at)
      at = next.get(at)!
    }
    // `at` points nowhere (a root), or is where the path met itself (a loop).
    const root = seen.has(at) ? [...path.slice(path.indexOf(at))].sort()[0]! : at
    if (root !== start) roots.set(start, root)
  }
  return roots
}

function mergeRegisters(db: SqlDatabase): Map<string, RegisterValue> {
  return new Map([...registersUnder(db, 'merge/')].map(([key, register]) => [key, register.value]))
}

interface EntryRow {
  id: number
  name: string
  kind: string
  name_key: string
  outlet_key: string
  merged_into: number | null
}

/** Merges and splits made here since they were recorded (an entry whose root is not the registers'). */
export function changedMerges(db: SqlDatabase): LocalChange[] {
  const registers = mergeRegisters(db)
  const groups = resolveGroups(registers)
  const changes: LocalChange[] = []
  const merged = db.all<
    EntryRow & { into_name: string; into_kind: string; into_name_key: string; into_outlet_key: string }
  >(
    `SELECT c.id, c.name, c.kind, c.name_key, c.outlet_key, c.merged_into, r.name AS into_name, r.kind AS into_kind,
       r.name_key AS into_name_key, r.outlet_key AS into_outlet_key
     FROM correspondents c JOIN correspondents r ON r.id = c.merged_into WHERE c.merged_into IS NOT NULL`,
  )
  for (const row of merged) {
    const key = mergeKey({ nameKey: row.name_key, outletKey: row.outlet_key })
    const root = mergeKey({ nameKey: row.into_name_key, outletKey: row.into_outlet_key })
    if (groups.get(key) === root) continue
    changes.push({
      key,
      value: {
        name: row.name,
        kind: row.kind,
        into: {
          nameKey: row.into_name_key,
          outletKey: row.into_outlet_key,
          name: row.into_name,
          kind: row.into_kind,
        },
      },
    })
  }
  // Split off here: the registers still put it in a group, and it is its own root here.
  for (const key of groups.keys()) {
    const entry = entryOfMergeKey(key)
    if (!entry) continue
    const row = db.get<{ merged_into: number | null }>(
      'SELECT merged_into FROM correspondents WHERE name_key = ? AND outlet_key = ?',
      [entry.nameKey, entry.outletKey],
    )
    if (row && row.merged_into === null && registers.get(key) !== null) changes.push({ key, value: null })
  }
  return changes
}

/**
 * A merge register that won: every entry whose chain of merges passes through it is put under the
 * root the registers give now (made here, empty, when no article of this library names it yet), so
 * groups stay one level deep; entries whose chains it does not touch are left as they are here.
 */
export function applyMerge(
  db: SqlDatabase,
  key: string,
  value: RegisterValue,
  followups: CorrespondentFollowups,
): void {
  const changed = entryOfMergeKey(key)
  if (!changed) return
  const registers = mergeRegisters(db)
  const groups = resolveGroups(registers)
  const own = isObject(value) && typeof value.name === 'string' ? value : null
  // The entry itself is made when it is merged and this library has none of its articles yet, so
  // an article that arrives later is already in its group.
  if (own) ensureEntry(db, { ...changed, name: String(own.name), kind: String(own.kind ?? 'person') })
  const affected = [...new Set([key, ...registers.keys()])].flatMap((entryKey) => {
    const entry = passesThrough(entryKey, key, registers) ? entryOfMergeKey(entryKey) : null
    const row = entry ? entryRow(db, entry) : undefined
    return row ? [{ row, rootKey: groups.get(entryKey) ?? null }] : []
  })
  // Roots first, so an entry is never put under one that is still, here, under another.
  for (const { row, rootKey } of affected) {
    if (row.merged_into !== null) followups.regrouped.add(row.merged_into)
    followups.regrouped.add(row.id)
    if (rootKey === null) db.run('UPDATE correspondents SET merged_into = NULL WHERE id = ?', [row.id])
  }
  for (const { row, rootKey } of affected) {
    const rootEntry = rootKey === null ? null : entryOfMergeKey(rootKey)
    if (rootEntry === null) continue
    // A root the person merged here since the last look stays under what they merged it into.
    const root = rootHere(db, ensureEntry(db, { ...rootEntry, ...nameOfRoot(rootKey!, registers) }))
    followups.regrouped.add(root)
    if (root === row.id) db.run('UPDATE correspondents SET merged_into = NULL WHERE id = ?', [row.id])
    else
      db.run('UPDATE correspondents SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2', [root, row.id])
  }
}

/** Whether an entry's chain of merge registers reaches `through` (itself included). */
function passesThrough(start: string, through: string, registers: Map<string, RegisterValue>): boolean {
  const seen = new Set<string>()
  for (let at: string | null = start; at !== null && !seen.has(at);) {
    if (at === through) return true
    seen.add(at)
    const target = targetOf(registers.get(at))
    at = target ? mergeKey(target) : null
  }
  return false
}

/** The name and kind a root is made with: its own register's, else what a register pointing at it says. */
function nameOfRoot(rootKey: string, registers: Map<string, RegisterValue>): { name: string; kind: string } {
  const own = registers.get(rootKey)
  if (isObject(own) && typeof own.name === 'string') return { name: own.name, kind: String(own.kind) }
  for (const value of registers.values()) {
    const target = targetOf(value)
    if (target && mergeKey(target) === rootKey) return { name: target.name, kind: target.kind }
  }
  const entry = entryOfMergeKey(rootKey)
  return { name: entry?.nameKey ?? '', kind: 'person' }
}

function rootHere(db: SqlDatabase, id: number): number {
  return (
    db.get<{ root: number }>('SELECT coalesce(merged_into, id) AS root FROM correspondents WHERE id = ?', [
      id,
    ])?.root ?? id
  )
}

function entryRow(db: SqlDatabase, entry: EntryKey): EntryRow | undefined {
  return db.get<EntryRow>(
    'SELECT id, name, kind, name_key, outlet_key, merged_into FROM correspondents WHERE name_key = ? AND outlet_key = ?',
    [entry.nameKey, entry.outletKey],
  )
}

function ensureEntry(db: SqlDatabase, entry: NamedEntry): number {
  const existing = entryRow(db, entry)
  if (existing) return existing.id
  const kind = CorrespondentKind.catch('person').parse(entry.kind)
  const name = entry.name.trim().slice(0, 300) || entry.nameKey
  return db.run('INSERT INTO correspondents (name, name_key, outlet_key, kind) VALUES (?, ?, ?, ?)', [
    name,
    entry.nameKey,
    entry.outletKey,
    kind,
  ]).lastInsertRowid
}

// ---- After the transaction: files and the full-text index

/**
 * What applying left to do outside the transaction: each article's person edit is written to its
 * folder (so `dateline rebuild` keeps it, as for an edit made here), and the full-text entries of
 * the articles whose names changed are written again.
 */
export async function afterCorrespondentChanges(
  library: LibraryStore,
  followups: CorrespondentFollowups,
  now: Date,
): Promise<void> {
  const bylines = [...followups.bylines]
  const regrouped = [...followups.regrouped]
  followups.bylines.clear()
  followups.regrouped.clear()
  if (bylines.length === 0 && regrouped.length === 0) return
  const { lists, rowids } = library.query((db) => {
    const lists = bylines.flatMap((id) => {
      const rowid = db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id])?.rowid
      if (rowid === undefined) return []
      const people = db.all<{ name: string; kind: string }>(
        `SELECT c.name, c.kind FROM article_correspondents ac JOIN correspondents c ON c.id = ac.correspondent
         WHERE ac.article = ? AND ac.origin = 'person' ORDER BY ac.position`,
        [rowid],
      )
      return [
        {
          id,
          rowid,
          people: people.map((p) => ({
            name: p.name,
            kind: CorrespondentKind.catch('person').parse(p.kind),
          })),
        },
      ]
    })
    const grouped = regrouped.flatMap((id) =>
      db
        .all<{ article: number }>(
          `SELECT DISTINCT article FROM article_correspondents WHERE correspondent IN
             (SELECT id FROM correspondents WHERE id = ?1 OR merged_into = ?1
              OR id = (SELECT merged_into FROM correspondents WHERE id = ?1))`,
          [id],
        )
        .map((row) => row.article),
    )
    return { lists, rowids: [...lists.map((l) => l.rowid), ...grouped] }
  })
  for (const list of lists) {
    await writeCorrespondentsEdit(library.layout, list.id, list.people, now).catch(() => undefined)
  }
  await reindexArticles(library, rowids)
}
