import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { tagCountries } from '../../src/main/countries'
import type { CountryTag } from '../../src/main/countries'

/** One labelled story of tests/fixtures/countries/. */
export interface LabelledStory {
  id: string
  lang: string
  title: string
  text: string
  siteName?: string
  primary: string[]
  mentioned: string[]
}

export interface CountryScores {
  stories: number
  precision: number
  recall: number
  f1: number
  /** Share of stories about a country whose first tag is one of its primary countries. */
  primaryAccuracy: number
  /** Share of stories about no country that get no tag. */
  noCountryAccuracy: number
  misses: string[]
}

export function readLabelledStories(file: 'dev' | 'held-out'): LabelledStory[] {
  const path = resolve(__dirname, '../fixtures/countries', `${file}.json`)
  return (JSON.parse(readFileSync(path, 'utf8')) as { stories: LabelledStory[] }).stories
}

/** Micro-averaged over (story, country) pairs, as geoparsing corpora are scored. */
export function scoreStories(stories: LabelledStory[]): CountryScores {
  let truePositives = 0
  let predicted = 0
  let expected = 0
  let primaryRight = 0
  let primaryStories = 0
  let emptyRight = 0
  let emptyStories = 0
  const misses: string[] = []
  for (const story of stories) {
    const tags: CountryTag[] = tagCountries({
      title: story.title,
      text: story.text,
      lang: story.lang,
      siteName: story.siteName ?? null,
    })
    const gold = new Set([...story.primary, ...story.mentioned])
    const got = new Set(tags.map((tag) => tag.code))
    const hits = [...got].filter((code) => gold.has(code)).length
    truePositives += hits
    predicted += got.size
    expected += gold.size
    if (story.primary.length > 0) {
      primaryStories += 1
      if (tags[0] !== undefined && story.primary.includes(tags[0].code)) primaryRight += 1
    } else {
      emptyStories += 1
      if (tags.length === 0) emptyRight += 1
    }
    if (
      hits !== gold.size ||
      hits !== got.size ||
      (story.primary.length > 0 && !story.primary.includes(tags[0]?.code ?? ''))
    ) {
      const shown = tags.map((tag) => `${tag.code}${tag.role === 'primary' ? '*' : ''}`).join(' ')
      misses.push(
        `${story.id}: got [${shown}] want [${story.primary.map((c) => `${c}*`).join(' ')} ${story.mentioned.join(' ')}]`,
      )
    }
  }
  const precision = predicted === 0 ? 1 : truePositives / predicted
  const recall = expected === 0 ? 1 : truePositives / expected
  return {
    stories: stories.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    primaryAccuracy: primaryStories === 0 ? 1 : primaryRight / primaryStories,
    noCountryAccuracy: emptyStories === 0 ? 1 : emptyRight / emptyStories,
    misses,
  }
}
