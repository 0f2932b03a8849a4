import { z } from 'zod'
import { tagCountries } from '../countries'
import { StoryGrouper, type Assignment } from './story-grouper'

/** One line of a file to group (`dateline stories group FILE.jsonl`). */
export const GroupableItem = z.object({
  id: z.union([z.string().min(1).max(200), z.number()]).transform(String),
  title: z.string().max(2000),
  text: z.string().max(100_000).optional(),
  lang: z.string().max(20).optional(),
  publishedAt: z.string().max(40).optional(),
  site: z.string().max(200).optional(),
})
export type GroupableItem = z.infer<typeof GroupableItem>

export interface GroupedItem {
  id: string
  story: number
  score: number
  shared: string[]
}

export interface GroupItemsOptions {
  /** Countries from the countries tagger as evidence (on by default, as in the library). */
  countries?: boolean
}

/**
 * Groups a list of items with the library's own code, in the order they were published (items
 * without a date keep their place after the dated ones), so a labelled set measures the method.
 */
export function groupItems(items: GroupableItem[], options: GroupItemsOptions = {}): GroupedItem[] {
  let nextStory = 1
  const grouper = new StoryGrouper(() => nextStory++)
  const timed = items.map((item, index) => ({ item, index, at: timeOf(item.publishedAt) }))
  const ordered = [...timed].sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.index - b.index)
  const latest = Math.max(0, ...timed.map((t) => t.at ?? 0))
  const results = new Map<number, GroupedItem>()
  for (const { item, index, at } of ordered) {
    const countries =
      options.countries === false
        ? []
        : tagCountries({
            title: item.title,
            text: item.text ?? '',
            lang: item.lang ?? null,
            siteName: item.site ?? null,
          })
            .filter((tag) => tag.role === 'primary')
            .map((tag) => tag.code)
    const assignment: Assignment = grouper.assign(`${index}`, {
      title: item.title,
      text: item.text ?? '',
      lang: item.lang ?? null,
      site: item.site ?? null,
      at: at ?? latest,
      countries,
    })
    results.set(index, {
      id: item.id,
      story: assignment.story,
      score: round(assignment.score),
      shared: assignment.shared,
    })
  }
  return items.map((_, index) => results.get(index)!)
}

/**
 * Parses JSONL: one item a line; blank lines skipped, and a line that is only a note
 * (`{"$comment": "..."}`, how a labelled set says where it came from); a bad line is named in the error.
 */
export function parseGroupableLines(text: string): GroupableItem[] {
  const items: GroupableItem[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`Line ${index + 1} is not JSON.`)
    }
    if (isNote(value)) return
    const parsed = GroupableItem.safeParse(value)
    if (!parsed.success) {
      throw new Error(
        `Line ${index + 1}: ${parsed.error.issues[0]?.path.join('.') ?? 'item'} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`,
      )
    }
    items.push(parsed.data)
  })
  return items
}

function isNote(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === '$comment'
}

function timeOf(date: string | undefined): number | null {
  if (date === undefined) return null
  const at = Date.parse(date)
  return Number.isFinite(at) ? at : null
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
