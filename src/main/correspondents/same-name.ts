import type { SameNamePair } from '@shared/correspondents'
import type { LibraryStore } from '../library/library-store'
import { getCorrespondent, rootOf } from './correspondent-store'
import { keyText, notSamePairs, pairKey, writeNotSame } from './not-same-pairs'

/*
 * Entries that are probably one person: a reporter is one entry per outlet (name and outlet make
 * the key), so the same Moscow correspondent read at two papers, or once as "Zoë" and once as
 * "Zoe", shows twice until the person merges them. These are offered as "Same person? Merge";
 * a pair the person says is not the same is remembered (in `library_facts`, and in
 * correspondent-edits.json so `dateline rebuild` keeps it) and not offered again.
 */

/** Case, accents and spacing do not tell two people apart: "ZOË  Ostrovská" is "zoe ostrovska". */
export function sameNameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/gu, ' ').trim()
}

interface EntryRow {
  id: number
  name: string
  name_key: string
  outlet_key: string
  kind: string
  root: number
  articles: number
}

/**
 * Pairs of separate correspondents (persons; teams and agencies of one name at two outlets are
 * often different desks) whose names are equal once case, accents and spacing are set aside,
 * the one with more articles first; `only` keeps the pairs of that correspondent's group.
 */
export function sameNamePairs(library: LibraryStore, only?: number): SameNamePair[] {
  const found = library.query((db) => {
    const onlyRoot = only === undefined ? undefined : rootOf(db, only)
    const entries = db.all<EntryRow>(
      `SELECT c.id, c.name, c.name_key, c.outlet_key, coalesce(r.kind, c.kind) AS kind,
         coalesce(c.merged_into, c.id) AS root,
         (SELECT count(*) FROM article_correspondents ac WHERE ac.correspondent = c.id) AS articles
       FROM correspondents c LEFT JOIN correspondents r ON r.id = c.merged_into`,
    )
    const roots = new Map<number, { key: string; articles: number }>()
    const byName = new Map<string, Set<number>>()
    for (const entry of entries) {
      if (entry.kind !== 'person') continue
      const group = roots.get(entry.root) ?? { key: '', articles: 0 }
      group.articles += entry.articles
      if (entry.id === entry.root)
        group.key = keyText({ nameKey: entry.name_key, outletKey: entry.outlet_key })
      roots.set(entry.root, group)
      const name = sameNameKey(entry.name)
      if (name === '') continue
      const same = byName.get(name) ?? new Set<number>()
      same.add(entry.root)
      byName.set(name, same)
    }
    const dismissed = new Set(notSamePairs(db).map((p) => pairKey(keyText(p.a), keyText(p.b))))
    const pairs = new Map<string, [number, number]>()
    for (const same of byName.values()) {
      const ids = [...same].filter((id) => (roots.get(id)?.articles ?? 0) > 0)
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const [x, y] = [ids[i]!, ids[j]!]
          if (onlyRoot !== undefined && x !== onlyRoot && y !== onlyRoot) continue
          const key = pairKey(roots.get(x)!.key, roots.get(y)!.key)
          if (dismissed.has(key) || pairs.has(key)) continue
          const first = roots.get(x)!.articles >= roots.get(y)!.articles ? x : y
          pairs.set(key, [first, first === x ? y : x])
        }
      }
    }
    return [...pairs.values()]
  })
  return found
    .map(([a, b]) => ({ a: getCorrespondent(library, a), b: getCorrespondent(library, b) }))
    .sort(
      (p, q) =>
        q.a.articles + q.b.articles - (p.a.articles + p.b.articles) || p.a.name.localeCompare(q.a.name),
    )
    .slice(0, 100)
}

/** The person says these two are different people: the pair is not offered again. */
export function dismissSameName(library: LibraryStore, a: number, b: number): void {
  library.change((db) => {
    const keyOf = (id: number): { nameKey: string; outletKey: string } => {
      const row = db.get<{ name_key: string; outlet_key: string }>(
        'SELECT name_key, outlet_key FROM correspondents WHERE id = ?',
        [rootOf(db, id)],
      )!
      return { nameKey: row.name_key, outletKey: row.outlet_key }
    }
    const pair = { a: keyOf(a), b: keyOf(b) }
    const known = notSamePairs(db)
    const key = pairKey(keyText(pair.a), keyText(pair.b))
    if (known.some((p) => pairKey(keyText(p.a), keyText(p.b)) === key)) return
    writeNotSame(db, [...known, pair])
  })
}
