import { countryName } from '@shared/country-list'
import type { FilterSuggestion, SuggestedFilterKind } from '@shared/search'
import type { SqlDatabase } from '../library/database'

/**
 * The filters whose names match words typed in the command palette: "belarus" suggests the country,
 * "olena" the correspondent, "fixture times" the site. Only filters with articles in the library
 * are offered (a collection or a feed even when empty, since the person made it), so a chip never
 * leads to nothing by itself.
 */

/** One thing a chip could hold: its kind, the value the list's filter takes, what it is called. */
export interface FilterCandidate {
  kind: SuggestedFilterKind
  value: string | number
  label: string
  /** Other names it is found by (a merged correspondent's other spellings). */
  aliases?: readonly string[]
  articles: number
}

/** Longest run of typed words tried as one name ("new york times"). */
const MAX_SPAN_WORDS = 4
/** Shorter words ("in", "of") would match half the library's names. */
const MIN_SPAN_CHARS = 3

/** Case and accents do not matter: "zelenskyi" finds "Zelenskyí", "BELARUS" finds "Belarus". */
export function foldForMatch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/gu, ' ').trim()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The runs of consecutive typed words to look for, longest first: each must begin a word of the
 * name (so "rus" finds "Russia" but not "Belarus"); the last may be unfinished.
 */
function spansOf(query: string): { words: string; pattern: RegExp; size: number }[] {
  const typed = query.split(/\s+/u).filter(Boolean)
  const spans: { words: string; pattern: RegExp; size: number }[] = []
  for (let size = Math.min(MAX_SPAN_WORDS, typed.length); size >= 1; size--) {
    for (let start = 0; start + size <= typed.length; start++) {
      const words = typed.slice(start, start + size).join(' ')
      const folded = foldForMatch(words)
      if (folded.length < MIN_SPAN_CHARS) continue
      spans.push({
        words,
        pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(folded)}`, 'u'),
        size: folded.length,
      })
    }
  }
  return spans.sort((a, b) => b.size - a.size)
}

/** The candidates matching the typed words, the longest match first, then the most articles. */
export function matchFilterCandidates(
  query: string,
  candidates: readonly FilterCandidate[],
  limit: number,
): FilterSuggestion[] {
  const spans = spansOf(query)
  if (spans.length === 0) return []
  const found: (FilterSuggestion & { size: number })[] = []
  for (const candidate of candidates) {
    const names = [candidate.label, ...(candidate.aliases ?? [])].map(foldForMatch)
    const span = spans.find((s) => names.some((name) => s.pattern.test(name)))
    if (!span) continue
    found.push({
      kind: candidate.kind,
      value: candidate.value,
      label: candidate.label,
      words: span.words,
      articles: candidate.articles,
      size: span.size,
    })
  }
  return ranked(found.map(({ size: _size, ...suggestion }) => suggestion)).slice(0, limit)
}

/** The longest match first (the folded words it stands for), then the most articles, then by name. */
function ranked(found: FilterSuggestion[]): FilterSuggestion[] {
  const size = (s: FilterSuggestion): number => foldForMatch(s.words).length
  return found.sort((a, b) => size(b) - size(a) || b.articles - a.articles || a.label.localeCompare(b.label))
}

/** Every filter of the library a chip could hold, with its number of articles (archived too). */
export function filterCandidates(db: SqlDatabase): FilterCandidate[] {
  const candidates: FilterCandidate[] = []
  const counted = (kind: string): Map<string, number> =>
    new Map(
      db
        .all<{ key: string; n: number }>(
          `SELECT key, articles + archived AS n FROM sidebar_counts WHERE kind = ?`,
          [kind],
        )
        .map((row) => [row.key, row.n]),
    )

  for (const [code, n] of counted('country')) {
    if (n > 0)
      candidates.push({ kind: 'country', value: code, label: countryName(code) ?? code, articles: n })
  }

  // A merged group is one correspondent, found by any of its entries' names, named by its root.
  const perEntry = counted('correspondent')
  const groups = new Map<number, { name: string; aliases: string[]; articles: number }>()
  const entries = db.all<{ id: number; name: string; root: number; root_name: string }>(
    `SELECT c.id, c.name, coalesce(c.merged_into, c.id) AS root, coalesce(r.name, c.name) AS root_name
     FROM correspondents c LEFT JOIN correspondents r ON r.id = c.merged_into`,
  )
  for (const entry of entries) {
    const group = groups.get(entry.root) ?? { name: entry.root_name, aliases: [], articles: 0 }
    if (entry.name !== group.name) group.aliases.push(entry.name)
    group.articles += perEntry.get(String(entry.id)) ?? 0
    groups.set(entry.root, group)
  }
  for (const group of groups.values()) {
    if (group.articles > 0)
      candidates.push({
        kind: 'correspondent',
        value: group.name,
        label: group.name,
        aliases: group.aliases,
        articles: group.articles,
      })
  }

  const collections = counted('collection')
  for (const row of db.all<{ id: number; name: string }>(`SELECT id, name FROM collections`)) {
    candidates.push({
      kind: 'collection',
      value: row.name,
      label: row.name,
      articles: collections.get(String(row.id)) ?? 0,
    })
  }

  const feeds = counted('feed')
  for (const row of db.all<{ id: number; title: string; url: string }>(`SELECT id, title, url FROM feeds`)) {
    candidates.push({
      kind: 'feed',
      value: row.id,
      label: row.title || row.url,
      articles: feeds.get(String(row.id)) ?? 0,
    })
  }

  // The distinct sites, one step of the listed articles' site index each (a library has a few
  // hundred sites, not one per article; a GROUP BY reads the whole table, 70 ms of CPU at 100k),
  // and those of archived articles. Their counts are read for the few that match (suggestFilters).
  const sites = db.all<{ name: string }>(
    `WITH RECURSIVE site (name) AS (
       SELECT min(site_name) FROM articles WHERE archived = 0 AND site_name > ''
       UNION ALL
       SELECT (SELECT min(site_name) FROM articles WHERE archived = 0 AND site_name > site.name)
       FROM site WHERE site.name IS NOT NULL
     )
     SELECT name FROM site WHERE name IS NOT NULL
     UNION SELECT DISTINCT site_name FROM articles WHERE archived = 1 AND site_name > ''`,
  )
  for (const row of sites) candidates.push({ kind: 'site', value: row.name, label: row.name, articles: 0 })
  return candidates
}

/** The palette's suggestions for what was typed. */
export function suggestFilters(db: SqlDatabase, query: string, limit: number): FilterSuggestion[] {
  if (foldForMatch(query).length < MIN_SPAN_CHARS) return []
  const matched = matchFilterCandidates(query, filterCandidates(db), Number.MAX_SAFE_INTEGER)
  const sites = matched.filter((s) => s.kind === 'site').slice(0, 50)
  for (const site of sites) {
    site.articles =
      db.get<{ n: number }>(
        `SELECT (SELECT count(*) FROM articles WHERE archived = 0 AND site_name = ?1)
           + (SELECT count(*) FROM articles WHERE archived = 1 AND site_name = ?1) AS n`,
        [site.value],
      )?.n ?? 0
  }
  return ranked(matched.filter((s) => s.kind !== 'site' || sites.includes(s))).slice(0, limit)
}
