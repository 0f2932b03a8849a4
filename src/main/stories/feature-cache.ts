import { featuresOf, type StoryFeatures, type StoryItem } from './article-features'
import { dayOf } from './story-grouper'

interface Kept {
  item: StoryItem
  features: StoryFeatures
}

/**
 * Stored articles' features, kept in memory by rowid with the item they were computed from, so a
 * day read again (after a person's correction, or computed ahead between turns) costs a lookup
 * rather than featuresOf (0.3–0.5 ms an article). Features depend on the item alone, and an entry
 * is used only while the article reads the same: what the grouper is given is what it would have
 * computed. Nothing is stored on disk: features are ~2.4 KB an article, too much for the database.
 */
export class ArticleFeatureCache {
  private readonly kept = new Map<number, Kept>()
  private computedCount = 0

  /** How many times features were computed rather than found (what reading days costs). */
  get computed(): number {
    return this.computedCount
  }

  get size(): number {
    return this.kept.size
  }

  featuresOf(rowid: number, item: StoryItem): StoryFeatures {
    const kept = this.kept.get(rowid)
    if (kept !== undefined && sameItem(kept.item, item)) return kept.features
    const features = featuresOf(item)
    this.computedCount++
    this.kept.set(rowid, { item, features })
    return features
  }

  /** Forgets the articles of days outside [fromDay, toDay] (memory follows the grouper's). */
  forgetOutside(fromDay: number, toDay: number): void {
    for (const [rowid, { item }] of this.kept) {
      const day = dayOf(item.at)
      if (day < fromDay || day > toDay) this.kept.delete(rowid)
    }
  }
}

function sameItem(a: StoryItem, b: StoryItem): boolean {
  return (
    a.title === b.title &&
    (a.text ?? '') === (b.text ?? '') &&
    (a.lang ?? null) === (b.lang ?? null) &&
    a.at === b.at &&
    (a.site ?? null) === (b.site ?? null) &&
    sameList(a.countries ?? [], b.countries ?? [])
  )
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}
