import { api } from '@renderer/api'
import { openArticle } from '@renderer/store/library/article-actions'
import { useLibrary } from '@renderer/store/library/store'
import { reportError, showArticles, showToast, showView } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'
import { useStories } from './store'

let started = false
let listRequest = 0
let refreshTimer: ReturnType<typeof setTimeout> | null = null

/** Keeps the shown stories fresh as articles are grouped, and follows the list's country and collection. */
export function startStories(): void {
  if (started) return
  started = true
  const refresh = (): void => {
    if (refreshTimer) return
    // Grouping a large library announces a batch every few milliseconds: one reload per half second.
    refreshTimer = setTimeout(() => {
      refreshTimer = null
      const view = useUi.getState().view
      if (view.kind === 'stories') void loadStories()
      if (view.kind === 'story' && view.key) void loadStory(Number(view.key))
    }, 500)
  }
  api.on('stories.changed', refresh)
  api.on('library.changed', refresh)
  api.on('stories.progress', (grouping) => useStories.setState({ grouping }))
  useLibrary.subscribe((state, previous) => {
    const { country, collection } = state.facets
    if (country !== previous.facets.country || collection !== previous.facets.collection) refresh()
  })
}

export async function loadStories(): Promise<void> {
  const { country, collection } = useLibrary.getState().facets
  const request = ++listRequest
  useStories.setState({ loading: true })
  try {
    const page = await api.invoke('stories.list', {
      limit: 100,
      ...(country ? { country } : {}),
      ...(collection ? { collection } : {}),
    })
    if (request !== listRequest) return
    useStories.setState({ list: page.items, more: page.more, grouping: page.grouping, loading: false })
  } catch (error) {
    useStories.setState({ loading: false })
    reportError(error)
  }
}

export function showStories(): void {
  showView({ kind: 'stories' })
  void loadStories()
}

export function showStory(id: number): void {
  if (useStories.getState().page?.id !== id) useStories.setState({ page: null })
  showView({ kind: 'story', key: String(id) })
  void loadStory(id)
}

export async function loadStory(id: number): Promise<void> {
  try {
    const [page, nearby] = await Promise.all([
      api.invoke('stories.get', { id }),
      api.invoke('stories.list', { minArticles: 1, limit: 60 }),
    ])
    useStories.setState({ page, nearby: nearby.items })
  } catch (error) {
    // A story merged away or emptied: back to the list rather than a page that is no more.
    useStories.setState({ page: null })
    showStories()
    reportError(error)
  }
}

/** Opens one of the story's articles in the reader. */
export function readStoryArticle(articleId: string): void {
  showArticles()
  useLibrary.setState({ selectedId: articleId, selectedIndex: null })
  void openArticle(articleId)
}

/** "Not this story": the article leaves for a story of its own. */
export async function takeOutOfStory(story: number, articleId: string): Promise<void> {
  await correct(
    () => api.invoke('stories.split', { story, articles: [articleId] }),
    'Taken out of the story',
    story,
  )
}

export async function moveToStory(story: number, articleId: string, target: number): Promise<void> {
  await correct(
    () => api.invoke('stories.move', { article: articleId, story: target }),
    'Moved to the other story',
    story,
  )
}

export async function mergeStory(story: number, into: number): Promise<void> {
  await correct(() => api.invoke('stories.merge', { story, into }), 'The two stories are one now', into)
  showStory(into)
}

async function correct(change: () => Promise<unknown>, done: string, reload: number): Promise<void> {
  try {
    await change()
    showToast(done)
    void loadStory(reload)
    void loadStories()
  } catch (error) {
    reportError(error)
  }
}
