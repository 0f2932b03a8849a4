import type { CountryRole, CountryTag } from './tag-countries'

/** Who decided a tag: the tagger, or the person (whose choice survives re-tagging). */
export type TagSource = 'auto' | 'person'

/** A tag as the library stores it: one row of the article's countries. */
export interface StoredCountryTag extends CountryTag {
  source: TagSource
}

/**
 * The person's choice for one country of one article: keep it with this role, or never show it.
 * A removal is kept too, so that re-tagging does not bring the country back.
 */
export interface PersonCountryEdit {
  code: string
  role: CountryRole | 'removed'
}

const MAX_PRIMARY = 2

/**
 * The tags to show: the tagger's, overruled by the person's edits. A person's tag keeps the tagger's
 * score when the tagger found the country too. The person's primaries come first; if they leave no
 * room, the tagger's weakest primaries become mentioned, so there are never more than two.
 */
export function mergePersonEdits(
  autoTags: CountryTag[],
  edits: PersonCountryEdit[],
  nameOf: (code: string) => string | undefined,
): StoredCountryTag[] {
  const byCode = new Map<string, PersonCountryEdit>()
  for (const edit of edits) byCode.set(edit.code.toUpperCase(), { ...edit, code: edit.code.toUpperCase() })

  const merged: StoredCountryTag[] = []
  for (const tag of autoTags) {
    if (!byCode.has(tag.code)) merged.push({ ...tag, source: 'auto' })
  }
  for (const edit of byCode.values()) {
    if (edit.role === 'removed') continue
    const name = nameOf(edit.code)
    if (name === undefined) continue
    const found = autoTags.find((tag) => tag.code === edit.code)
    merged.push({ code: edit.code, name, role: edit.role, score: found?.score ?? 1, source: 'person' })
  }

  const personPrimaries = merged.filter((tag) => tag.source === 'person' && tag.role === 'primary').length
  let room = Math.max(0, MAX_PRIMARY - personPrimaries)
  const autoPrimaries = merged
    .filter((tag) => tag.source === 'auto' && tag.role === 'primary')
    .sort((a, b) => b.score - a.score)
  for (const tag of autoPrimaries) {
    if (room > 0) room -= 1
    else tag.role = 'mentioned'
  }
  return merged.sort(
    (a, b) =>
      rank(a) - rank(b) || b.score - a.score || (a.source === b.source ? 0 : a.source === 'person' ? -1 : 1),
  )
}

function rank(tag: StoredCountryTag): number {
  if (tag.role !== 'primary') return 2
  return tag.source === 'person' ? 0 : 1
}

/**
 * Edits written as the CLI takes them: `+UA` adds Ukraine as mentioned, `^UA` makes it primary,
 * `-RU` removes Russia. Returns null for anything else, so the caller can say which word was wrong.
 */
export function parseCountryEdit(word: string): PersonCountryEdit | null {
  const match = /^([+^-])([A-Za-z]{2})$/.exec(word.trim())
  if (match === null) return null
  const [, sign, code] = match
  const role: PersonCountryEdit['role'] = sign === '-' ? 'removed' : sign === '^' ? 'primary' : 'mentioned'
  return { code: (code ?? '').toUpperCase(), role }
}
