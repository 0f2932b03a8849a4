import type { FeedInfo, FeedNotice, FeedProgress } from '@shared/feeds'
import { toErrorInfo } from '@shared/errors'
import { api } from '@renderer/api'
import { setFacet } from '../library/list-actions'
import { reportError, showArticles, showToast } from '../ui/actions'
import { closedSubscribe, useFeeds, type SubscribeState } from './store'

export async function loadFeeds(): Promise<void> {
  try {
    const { feeds, refreshing, offline } = await api.invoke('feeds.list', {})
    useFeeds.setState({ status: 'ready', feeds, refreshing, offline })
  } catch (error) {
    reportError(error)
  }
}

export async function loadFeedSettings(): Promise<void> {
  try {
    const [defaults, diskUsage] = await Promise.all([
      api.invoke('feeds.getDefaults', {}),
      api.invoke('feeds.diskUsage', {}),
    ])
    useFeeds.setState({ defaults, diskUsage })
  } catch (error) {
    reportError(error)
  }
}

function putFeed(feed: FeedInfo): void {
  useFeeds.setState((state) => {
    const known = state.feeds.some((f) => f.id === feed.id)
    return { feeds: known ? state.feeds.map((f) => (f.id === feed.id ? feed : f)) : [...state.feeds, feed] }
  })
}

export function receiveFeedProgress(progress: FeedProgress): void {
  if (progress.feed) putFeed(progress.feed)
  useFeeds.setState({
    refreshing: !progress.finished,
    progress: { done: progress.done, total: progress.total },
    offline: progress.offline,
    ...(progress.finished ? { lastRoundAt: new Date().toISOString() } : {}),
  })
  if (progress.finished) void loadFeeds()
}

export function receiveFeedNotice(notice: FeedNotice): void {
  showToast(`New from ${notice.correspondent}: ${notice.title}`)
}

/** Refreshes one feed or all; progress arrives as events. */
export async function refreshFeeds(ids?: number[]): Promise<void> {
  useFeeds.setState({ refreshing: true })
  try {
    const outcome = await api.invoke('feeds.refresh', ids ? { ids } : {})
    if (outcome.offline) showToast('Offline: the feeds will be refreshed when the network is back.')
  } catch (error) {
    reportError(error)
  } finally {
    await loadFeeds()
  }
}

export function showFeed(feed: Pick<FeedInfo, 'id' | 'title'>): void {
  setFacet('feed', feed.id, feed.title)
  showArticles()
}

export async function updateFeed(
  id: number,
  patch: Partial<Pick<FeedInfo, 'title' | 'folder' | 'intervalMinutes' | 'captureMode' | 'retentionDays'>>,
): Promise<void> {
  try {
    putFeed(await api.invoke('feeds.update', { id, ...patch }))
  } catch (error) {
    reportError(error)
  }
}

export async function removeFeed(id: number, deleteArticles: boolean): Promise<void> {
  try {
    await api.invoke('feeds.remove', { id, deleteArticles })
    useFeeds.setState((state) => ({ feeds: state.feeds.filter((f) => f.id !== id) }))
  } catch (error) {
    reportError(error)
  }
}

export async function setFeedDefaults(patch: {
  intervalMinutes?: number
  retentionDays?: number
}): Promise<void> {
  try {
    useFeeds.setState({ defaults: await api.invoke('feeds.setDefaults', patch) })
  } catch (error) {
    reportError(error)
  }
}

export async function importOpml(text: string): Promise<void> {
  try {
    const result = await api.invoke('feeds.importOpml', { opml: text })
    showToast(`${result.added} feeds added, ${result.existing} already there.`)
    await loadFeeds()
    if (result.added > 0) void refreshFeeds()
  } catch (error) {
    reportError(error)
  }
}

export async function exportOpml(): Promise<string | null> {
  try {
    return (await api.invoke('feeds.exportOpml', {})).opml
  } catch (error) {
    reportError(error)
    return null
  }
}

// ---- The subscribe dialog

function setSubscribe(patch: Partial<SubscribeState>): void {
  useFeeds.setState((state) => ({ subscribe: { ...state.subscribe, ...patch } }))
}

export function openSubscribe(): void {
  useFeeds.setState({ subscribe: { ...closedSubscribe, open: true } })
}

export function closeSubscribe(): void {
  useFeeds.setState({ subscribe: closedSubscribe })
}

export function editSubscribe(
  patch: Partial<Pick<SubscribeState, 'url' | 'chosen' | 'folder' | 'captureMode'>>,
): void {
  setSubscribe({
    ...patch,
    ...(patch.url !== undefined ? { candidates: [], chosen: null, status: 'idle', error: null } : {}),
  })
}

/** Finds what the address offers: one feed is subscribed at once, several are offered to choose from. */
export async function findFeeds(): Promise<void> {
  const { url } = useFeeds.getState().subscribe
  setSubscribe({ status: 'finding', error: null })
  try {
    const { candidates } = await api.invoke('feeds.discover', { url })
    if (candidates.length === 1) {
      await subscribeTo(candidates[0]!.url)
      return
    }
    setSubscribe({ status: 'choosing', candidates, chosen: candidates[0]?.url ?? null })
  } catch (error) {
    setSubscribe({ status: 'idle', error: toErrorInfo(error).message })
  }
}

export async function subscribeTo(url: string): Promise<void> {
  const { folder, captureMode } = useFeeds.getState().subscribe
  setSubscribe({ status: 'subscribing', error: null })
  try {
    const { feed } = await api.invoke('feeds.add', {
      url,
      captureMode,
      ...(folder.trim() ? { folder: folder.trim() } : {}),
    })
    putFeed(feed)
    closeSubscribe()
    showFeed(feed)
    void refreshFeeds([feed.id])
  } catch (error) {
    setSubscribe({ status: 'choosing', error: toErrorInfo(error).message })
  }
}

// ---- Which feed each row came through

const wanted = new Set<string>()
let batch: ReturnType<typeof setTimeout> | null = null

/** Asks, in one call for the rows shown together, which feed each article came through. */
export function wantArticleFeed(id: string): void {
  if (id in useFeeds.getState().articleFeeds || wanted.has(id)) return
  wanted.add(id)
  batch ??= setTimeout(() => {
    batch = null
    const ids = [...wanted].slice(0, 500)
    for (const id of ids) wanted.delete(id)
    api.invoke('feeds.ofArticles', { ids }).then(
      ({ feeds }) =>
        useFeeds.setState((state) => ({
          articleFeeds: {
            ...state.articleFeeds,
            ...Object.fromEntries(ids.map((id) => [id, feeds[id] ?? null])),
          },
        })),
      () => undefined,
    )
  }, 30)
}

/** After a refresh the same rows may have come through a feed; ask again. */
export function forgetArticleFeeds(ids: string[]): void {
  useFeeds.setState((state) => {
    const next = { ...state.articleFeeds }
    for (const id of ids) delete next[id]
    return { articleFeeds: next }
  })
}

/** Wires the feeds events once per window (called from startStores). */
export function startFeeds(): void {
  api.on('feeds.progress', receiveFeedProgress)
  api.on('feeds.notice', receiveFeedNotice)
  api.on('library.changed', ({ ids }) => forgetArticleFeeds(ids))
  void loadFeeds()
}
