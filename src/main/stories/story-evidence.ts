import type { StoryEvidence } from '@shared/stories'
import { featuresOf, type StoryItem } from './article-features'

/** Evidence shown at most, strongest first: enough to see why, short enough to read. */
const SHOWN = 12
/** Spellings shown of one name ("Lukashenko · Лукашенко · Loukachenko"). */
const SPELLINGS = 3

const KIND = { n: 'name', d: 'number', c: 'country' } as const

/**
 * Why a story's articles are together: the names and places, numbers and countries that at least
 * two of them share, each with the spellings the articles use, and which of them each article
 * carries. Recomputed from the headlines and excerpts (pure), so it always matches what is shown.
 */
export function storyEvidence(items: StoryItem[]): { evidence: StoryEvidence[]; perArticle: string[][] } {
  const features = items.map((item) => featuresOf(item))
  const carriers = new Map<string, number>()
  const spellings = new Map<string, Map<string, number>>()
  for (const { shown } of features) {
    for (const [key, display] of shown) {
      carriers.set(key, (carriers.get(key) ?? 0) + 1)
      let forms = spellings.get(key)
      if (!forms) spellings.set(key, (forms = new Map()))
      forms.set(display, (forms.get(display) ?? 0) + 1)
    }
  }
  const kindOrder = (key: string): number => (key.startsWith('n:') ? 0 : key.startsWith('d:') ? 1 : 2)
  const shared = [...carriers.entries()]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || kindOrder(a[0]) - kindOrder(b[0]) || a[0].localeCompare(b[0]))
    .slice(0, SHOWN)
  const labels = new Map<string, string>()
  const evidence = shared.map(([key, count]) => {
    const forms = [...(spellings.get(key) ?? new Map<string, number>()).entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, SPELLINGS)
      .map(([form]) => form)
    const label = [...new Set(forms)].join(' · ')
    labels.set(key, label)
    return { kind: KIND[key[0] as keyof typeof KIND], label, articles: count }
  })
  const perArticle = features.map(({ shown }) =>
    shared.filter(([key]) => shown.has(key)).map(([key]) => labels.get(key) ?? key),
  )
  return { evidence, perArticle }
}
