import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '@shared/article'

// The host's answer does not matter here: the choice is made when the change is asked for.
vi.mock('@renderer/api', () => ({ api: { invoke: () => new Promise(() => {}) } }))

import { setArticleStates } from '@renderer/store/library/article-actions'
import { useLibrary } from '@renderer/store/library/store'
import {
  READ_AFTER_MS,
  readStateChosen,
  stopWatchingRead,
  watchRead,
} from '@renderer/store/library/read-tracking'

function openInReader(id: string): void {
  useLibrary.setState({ article: { id, read: false } as Article })
}

describe('the article in the reader becomes read by staying on it', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    stopWatchingRead()
    vi.useRealTimers()
  })

  it('is marked read once it has been open long enough', () => {
    const markRead = vi.fn()
    openInReader('a1')
    watchRead('a1', 'person', markRead)
    vi.advanceTimersByTime(READ_AFTER_MS + 1)
    expect(markRead).toHaveBeenCalledWith('a1')
  })

  it('stays unread when the person marks it (and another) unread while it is open', () => {
    const markRead = vi.fn()
    openInReader('a1')
    watchRead('a1', 'person', markRead)
    vi.advanceTimersByTime(READ_AFTER_MS / 2)
    void setArticleStates(['a2', 'a1'], { read: false })
    vi.advanceTimersByTime(READ_AFTER_MS * 2)
    expect(markRead).not.toHaveBeenCalled()
  })

  it('keeps watching it when the person changes other articles, or only stars it', () => {
    const markRead = vi.fn()
    openInReader('a1')
    watchRead('a1', 'person', markRead)
    readStateChosen(['a2', 'a3'])
    void setArticleStates(['a1'], { starred: true })
    vi.advanceTimersByTime(READ_AFTER_MS + 1)
    expect(markRead).toHaveBeenCalledWith('a1')
  })
})
