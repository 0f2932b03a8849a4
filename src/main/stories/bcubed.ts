/**
 * BCubed precision and recall of a grouping against labels (Bagga & Baldwin): for each item, the
 * share of its predicted group that truly belongs with it, and the share of its true group found
 * with it; averaged over items. Plus the share of same-story pairs in different languages that
 * were put together, the hard part of grouping world news.
 */
export interface LabelledItem {
  id: string
  /** The true story. */
  label: string
  lang: string
}

export interface GroupingScore {
  precision: number
  recall: number
  f1: number
  /** Same-story pairs whose two articles are in different languages, and the share of them found. */
  crossLanguagePairs: number
  crossLanguageRecall: number
  items: number
  stories: number
  predictedStories: number
}

export function scoreGrouping(items: LabelledItem[], predicted: ReadonlyMap<string, string>): GroupingScore {
  const byLabel = groupBy(items, (item) => item.label)
  const byPrediction = groupBy(items, (item) => predicted.get(item.id) ?? `alone:${item.id}`)
  let precision = 0
  let recall = 0
  for (const item of items) {
    const mine = byPrediction.get(predicted.get(item.id) ?? `alone:${item.id}`) ?? []
    const truth = byLabel.get(item.label) ?? []
    const correct = mine.filter((other) => other.label === item.label).length
    precision += correct / mine.length
    recall += correct / truth.length
  }
  precision /= Math.max(1, items.length)
  recall /= Math.max(1, items.length)
  let pairs = 0
  let found = 0
  for (const members of byLabel.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!
        const b = members[j]!
        if (a.lang === b.lang) continue
        pairs++
        if (predicted.get(a.id) !== undefined && predicted.get(a.id) === predicted.get(b.id)) found++
      }
    }
  }
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    crossLanguagePairs: pairs,
    crossLanguageRecall: pairs === 0 ? 1 : found / pairs,
    items: items.length,
    stories: byLabel.size,
    predictedStories: byPrediction.size,
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}
