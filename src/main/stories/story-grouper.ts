import { featuresOf, type StoryFeatures, type StoryItem } from './article-features'

/**
 * Online grouping of articles into stories: each article, as it arrives, joins the story whose
 * articles of the same days it resembles most, or starts one. Nothing is regrouped. Pure and in
 * memory: the library's story index (story-index.ts) loads the days it needs from the database.
 *
 * Resemblance is TF-IDF cosine with the story's centroid (the sum of its articles' vectors near in
 * time), IDF counted over the articles the grouper holds (a library's grouping holds the weeks
 * around the articles it works on, so a name everyone writes about this week is weak evidence). Across languages the words rarely meet, so a second score counts only names, numbers
 * and countries, and needs at least two distinct ones shared.
 */

const DAY_MS = 86_400_000
/** A story is an event: its articles are at most this far apart in time from a new one. */
export const STORY_WINDOW_DAYS = 2
/** Days either side of a new article that the library loads, for IDF and its candidates. */
export const IDF_WINDOW_DAYS = 3
/** Stories looked at closely per article: the ones sharing the most weight of rare keys. */
const CANDIDATES = 12
/** Articles of a story, nearest in time, that make its centroid. */
const CENTROID_MEMBERS = 40
/** Below this a new article starts a story (cosine, after the time factor). */
export const JOIN_SCORE = 0.2
/** The names/numbers/countries score counts this much against the full one. */
const INTERLINGUAL_SCALE = 0.85
/** Distinct names or numbers two articles must share before the interlingual score counts. */
const SHARED_KEYS_NEEDED = 2
/**
 * A piece of evidence carried by more than this share of the articles held says nothing about
 * which event an article reports; counted once the grouper holds this many articles.
 */
const COMMON_SHARE = 0.5
const COMMON_FROM_DOCUMENTS = 10
/** The most of a resemblance one shared key may give. */
const ONE_KEY_SHARE = 0.6
/** One day apart still counts fully; beyond, resemblance fades to this at the window's edge. */
const EDGE_FACTOR = 0.72

export interface StoryMember {
  key: string
  at: number
  lang: string
  site: string
  story: number
  features: StoryFeatures
}

export interface Assignment {
  story: number
  /** False: the article started this story. */
  joined: boolean
  score: number
  /** The names, numbers and countries the article shares with the story, strongest first. */
  shared: string[]
}

/** A story's articles and their summed vectors, kept as articles come and go. */
interface StoryState {
  members: Set<StoryMember>
  centroid: Map<string, number>
  byLanguage: Map<string, Map<string, number>>
  /** Norms under one day's IDF, by `day:language` ('' for all): many articles of a day reuse them. */
  norms: Map<string, number>
}

interface DayBucket {
  members: Set<StoryMember>
  /** Anchor key → stories with an article of this day carrying it. */
  stories: Map<string, Map<number, number>>
}

/** What is known of the days around an article: how rare a feature is, which languages share it. */
interface Surroundings {
  idf: (feature: string) => number
  /** True when the key is written in a language other than `lang` too: evidence across languages. */
  crossesLanguages: (feature: string, lang: string) => boolean
  /** False for a key most articles held carry ("Kyiv" in a library about Ukraine): it tells no event. */
  telling: (feature: string) => boolean
}

export class StoryGrouper {
  private readonly days = new Map<number, DayBucket>()
  private readonly members = new Map<string, StoryMember>()
  private readonly stories = new Map<number, StoryState>()
  /** Articles holding each feature. */
  private readonly df = new Map<string, number>()
  /** Name or number key → the languages (and how many articles of each) that wrote it. */
  private readonly languages = new Map<string, Map<string, number>>()

  constructor(private readonly newStoryId: () => number) {}

  get size(): number {
    return this.members.size
  }

  has(key: string): boolean {
    return this.members.has(key)
  }

  storyOf(key: string): number | undefined {
    return this.members.get(key)?.story
  }

  /** Puts an article where it already belongs (loaded from the library, or a person's choice). */
  place(key: string, item: StoryItem, story: number, features: StoryFeatures = featuresOf(item)): void {
    this.remove(key)
    const member: StoryMember = {
      key,
      at: item.at,
      lang: languageOf(item.lang),
      site: item.site ?? '',
      story,
      features,
    }
    this.members.set(key, member)
    let state = this.stories.get(story)
    if (!state) {
      state = { members: new Set(), centroid: new Map(), byLanguage: new Map(), norms: new Map() }
      this.stories.set(story, state)
    }
    state.members.add(member)
    let own = state.byLanguage.get(member.lang)
    if (!own) state.byLanguage.set(member.lang, (own = new Map()))
    addVector(state.centroid, features.vector, 1)
    addVector(own, features.vector, 1)
    state.norms.clear()
    const bucket = this.bucket(dayOf(item.at))
    bucket.members.add(member)
    for (const feature of member.features.vector.keys()) {
      this.df.set(feature, (this.df.get(feature) ?? 0) + 1)
      if (isAnchor(feature)) {
        let holders = bucket.stories.get(feature)
        if (!holders) bucket.stories.set(feature, (holders = new Map()))
        holders.set(story, (holders.get(story) ?? 0) + 1)
      }
      if (isInterlingual(feature)) {
        let languages = this.languages.get(feature)
        if (!languages) this.languages.set(feature, (languages = new Map()))
        languages.set(member.lang, (languages.get(member.lang) ?? 0) + 1)
      }
    }
  }

  remove(key: string): void {
    const member = this.members.get(key)
    if (!member) return
    this.members.delete(key)
    const state = this.stories.get(member.story)
    if (state) {
      state.members.delete(member)
      addVector(state.centroid, member.features.vector, -1)
      const own = state.byLanguage.get(member.lang)
      if (own) addVector(own, member.features.vector, -1)
      if (own?.size === 0) state.byLanguage.delete(member.lang)
      state.norms.clear()
      if (state.members.size === 0) this.stories.delete(member.story)
    }
    const bucket = this.days.get(dayOf(member.at))
    if (!bucket) return
    bucket.members.delete(member)
    for (const feature of member.features.vector.keys()) {
      const df = (this.df.get(feature) ?? 1) - 1
      if (df <= 0) this.df.delete(feature)
      else this.df.set(feature, df)
      const holders = bucket.stories.get(feature)
      const count = (holders?.get(member.story) ?? 1) - 1
      if (count <= 0) holders?.delete(member.story)
      else holders?.set(member.story, count)
      if (holders?.size === 0) bucket.stories.delete(feature)
      const languages = this.languages.get(feature)
      const written = (languages?.get(member.lang) ?? 1) - 1
      if (written <= 0) languages?.delete(member.lang)
      else languages?.set(member.lang, written)
      if (languages?.size === 0) this.languages.delete(feature)
    }
  }

  /** Which story a new article belongs to (without placing it). */
  decide(item: StoryItem, features: StoryFeatures = featuresOf(item)): Assignment | null {
    const day = dayOf(item.at)
    const around = this.surroundings()
    const lang = languageOf(item.lang)
    let best: (Omit<Assignment, 'shared'> & { shared: () => string[] }) | null = null
    for (const story of this.candidates(features, day, around.idf)) {
      const state = this.stories.get(story)
      const near = state ? this.nearMembers(state, item.at) : []
      if (!state || near.length === 0) continue
      const scored = score(features, state, near, lang, around, day)
      const gapHours = Math.min(...near.map((m) => Math.abs(m.at - item.at))) / 3_600_000
      const effective = scored.score * timeFactor(gapHours)
      if (effective >= JOIN_SCORE && (best === null || effective > best.score)) {
        best = { story, joined: true, score: effective, shared: scored.shared }
      }
    }
    return best && { ...best, shared: best.shared() }
  }

  /** Joins the article to its story, or starts one; the article is placed. */
  assign(key: string, item: StoryItem): Assignment {
    const features = featuresOf(item)
    this.remove(key)
    const decided = this.decide(item, features)
    const assignment = decided ?? { story: this.newStoryId(), joined: false, score: 0, shared: [] }
    this.place(key, item, assignment.story, features)
    return assignment
  }

  /**
   * Gives a story another number (a story started in memory gets the library's id when it is
   * written): its articles, sums and the days' index follow. False, and nothing done, when the
   * new number is held already (memory of a story the database has since dropped).
   */
  renameStory(from: number, to: number): boolean {
    const state = this.stories.get(from)
    if (!state || from === to) return true
    if (this.stories.has(to)) return false
    this.stories.delete(from)
    this.stories.set(to, state)
    for (const member of state.members) {
      member.story = to
      const bucket = this.days.get(dayOf(member.at))
      for (const feature of member.features.vector.keys()) {
        const holders = isAnchor(feature) ? bucket?.stories.get(feature) : undefined
        const count = holders?.get(from)
        if (holders === undefined || count === undefined) continue
        holders.delete(from)
        holders.set(to, (holders.get(to) ?? 0) + count)
      }
    }
    return true
  }

  /** Forgets the days outside [from, to] (a library keeps only the days it is working on). */
  forgetOutside(fromDay: number, toDay: number): void {
    for (const [day, bucket] of this.days) {
      if (day >= fromDay && day <= toDay) continue
      for (const member of [...bucket.members]) this.remove(member.key)
      this.days.delete(day)
    }
  }

  private bucket(day: number): DayBucket {
    let bucket = this.days.get(day)
    if (!bucket) {
      bucket = { members: new Set(), stories: new Map() }
      this.days.set(day, bucket)
    }
    return bucket
  }

  private surroundings(): Surroundings {
    const documents = this.members.size
    const idf = (feature: string): number =>
      Math.log((documents + 2) / ((this.df.get(feature) ?? 0) + 1)) + 0.2
    const crossesLanguages = (feature: string, lang: string): boolean => {
      if (feature.startsWith('c:')) return true
      const languages = this.languages.get(feature)
      if (languages === undefined) return false
      for (const other of languages.keys()) if (other !== lang) return true
      return false
    }
    const telling = (feature: string): boolean =>
      documents < COMMON_FROM_DOCUMENTS || (this.df.get(feature) ?? 0) <= documents * COMMON_SHARE
    return { idf, crossesLanguages, telling }
  }

  private candidates(features: StoryFeatures, day: number, idf: (feature: string) => number): number[] {
    const weight = new Map<number, number>()
    for (let d = day - STORY_WINDOW_DAYS; d <= day + STORY_WINDOW_DAYS; d++) {
      const bucket = this.days.get(d)
      if (!bucket) continue
      for (const feature of features.vector.keys()) {
        if (!isAnchor(feature)) continue
        const holders = bucket.stories.get(feature)
        if (!holders) continue
        const value = idf(feature)
        for (const story of holders.keys()) weight.set(story, (weight.get(story) ?? 0) + value)
      }
    }
    return [...weight.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, CANDIDATES)
      .map(([story]) => story)
  }

  private nearMembers(state: StoryState, at: number): StoryMember[] {
    const limit = STORY_WINDOW_DAYS * DAY_MS
    const near = [...state.members].filter((m) => Math.abs(m.at - at) <= limit)
    if (near.length <= CENTROID_MEMBERS) return near
    return near.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at)).slice(0, CENTROID_MEMBERS)
  }
}

function score(
  features: StoryFeatures,
  state: StoryState,
  near: StoryMember[],
  lang: string,
  { idf, crossesLanguages, telling }: Surroundings,
  day: number,
): { score: number; shared: () => string[] } {
  if (sharedEvidence(features, near, telling) < SHARED_KEYS_NEEDED) return { score: 0, shared: () => [] }
  // The kept sums serve when the whole story is near in time (nearly always); a story that grew
  // over days is summed from its articles near this one.
  const whole = near.length === state.members.size
  const all = whole ? state.centroid : centroidOf(near)
  const cachedNorm = (
    key: string,
    vector: Map<string, number>,
    only?: (feature: string) => boolean,
  ): number => {
    if (!whole) return norm(vector, idf, only)
    const cacheKey = `${day}:${key}`
    let value = state.norms.get(cacheKey)
    if (value === undefined) state.norms.set(cacheKey, (value = norm(vector, idf, only)))
    return value
  }
  const full = cosine(features.vector, all, idf, cachedNorm('', all))
  let ownLanguage = full
  if (state.byLanguage.size > 1 && state.byLanguage.has(lang)) {
    const own = whole ? state.byLanguage.get(lang)! : centroidOf(near.filter((m) => m.lang === lang))
    if (own.size > 0) ownLanguage = cosine(features.vector, own, idf, cachedNorm(`lang:${lang}`, own))
  }
  // Only names and numbers that some other language writes too: a German noun is capitalised, but
  // no other language's article carries it, and it must not dilute the evidence that does cross.
  const crossing = (key: string): boolean => isInterlingual(key) && crossesLanguages(key, lang)
  const interlingual = cosine(features.vector, all, idf, cachedNorm(`cross:${lang}`, all, crossing), crossing)
  let distinct = 0
  let placeCounted = false
  for (const key of features.vector.keys()) {
    if (!(key.startsWith('n:') || key.startsWith('d:')) || !all.has(key)) continue
    if (features.places.has(key)) {
      if (placeCounted) continue
      placeCounted = true
    }
    distinct++
  }
  const across = distinct >= SHARED_KEYS_NEEDED ? interlingual * INTERLINGUAL_SCALE : 0
  const shared = (): string[] =>
    [...features.vector.keys()]
      .filter((key) => isInterlingual(key) && all.has(key))
      .sort((a, b) => idf(b) * (all.get(b) ?? 0) - idf(a) * (all.get(a) ?? 0))
  return { score: Math.max(full, ownLanguage, across), shared }
}

function sharedEvidence(
  features: StoryFeatures,
  near: StoryMember[],
  telling: (feature: string) => boolean,
): number {
  let shared = 0
  // The places an article names are one piece of evidence together: where, not which event.
  let placeCounted = false
  for (const key of features.evidence) {
    if (!telling(key) || !near.some((member) => member.features.evidence.has(key))) continue
    if (features.places.has(key)) {
      if (placeCounted) continue
      placeCounted = true
    }
    shared++
    if (shared >= SHARED_KEYS_NEEDED) break
  }
  return shared
}

function centroidOf(members: StoryMember[]): Map<string, number> {
  const centroid = new Map<string, number>()
  for (const member of members) {
    for (const [key, value] of member.features.vector) centroid.set(key, (centroid.get(key) ?? 0) + value)
  }
  return centroid
}

function cosine(
  a: Map<string, number>,
  b: Map<string, number>,
  idf: (feature: string) => number,
  normB: number,
  only: (feature: string) => boolean = () => true,
): number {
  if (normB === 0) return 0
  let dot = 0
  let normA = 0
  let strongest = 0
  for (const [key, value] of a) {
    if (!only(key)) continue
    const w = idf(key)
    const x = value * w
    normA += x * x
    const other = b.get(key)
    if (other !== undefined) {
      const term = x * other * w
      dot += term
      if (term > strongest) strongest = term
    }
  }
  if (dot === 0) return 0
  // One shared key alone is one piece of evidence, however strong: at most this share of the
  // resemblance counts from it ("Kyiv" does not make an attack and a visit one story).
  const capped = Math.min(dot, (dot - strongest) / (1 - ONE_KEY_SHARE))
  return capped / Math.sqrt(normA * normB)
}

/** The squared length of a vector under IDF (a cosine's denominator, squared). */
function norm(
  vector: Map<string, number>,
  idf: (feature: string) => number,
  only?: (feature: string) => boolean,
): number {
  let sum = 0
  for (const [key, value] of vector) {
    if (only && !only(key)) continue
    const y = value * idf(key)
    sum += y * y
  }
  return sum
}

function addVector(sum: Map<string, number>, vector: Map<string, number>, sign: 1 | -1): void {
  for (const [key, value] of vector) {
    const next = (sum.get(key) ?? 0) + sign * value
    if (Math.abs(next) < 1e-9) sum.delete(key)
    else sum.set(key, next)
  }
}

function timeFactor(gapHours: number): number {
  if (gapHours <= 24) return 1
  const edge = STORY_WINDOW_DAYS * 24
  return 1 - ((1 - EDGE_FACTOR) * Math.min(gapHours - 24, edge - 24)) / (edge - 24)
}

function isAnchor(feature: string): boolean {
  return !feature.startsWith('g:') && !feature.startsWith('c:')
}

function isInterlingual(feature: string): boolean {
  return feature.startsWith('n:') || feature.startsWith('d:') || feature.startsWith('c:')
}

function languageOf(lang: string | null | undefined): string {
  return (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? ''
}

export function dayOf(at: number): number {
  return Math.floor(at / DAY_MS)
}
