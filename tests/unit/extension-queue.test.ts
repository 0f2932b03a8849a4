import { describe, expect, it } from 'vitest'
import {
  browserName,
  callDateline,
  type Outcome,
  type SavedArticle,
} from '../../extension/src/dateline-client'
import {
  drainQueue,
  enqueue,
  MAX_QUEUED,
  type QueuedSave,
  type QueueStorage,
} from '../../extension/src/save-queue'

function memoryStorage(initial: QueuedSave[] = []): QueueStorage & { items: QueuedSave[] } {
  const store = {
    items: initial,
    read: async () => [...store.items],
    write: async (items: QueuedSave[]) => {
      store.items = [...items]
    },
  }
  return store
}

function pageSave(n: number, url = `https://news.example/${n}`): QueuedSave {
  return { id: `save-${n}`, kind: 'page', url, title: `Story ${n}`, html: '<p>x</p>', queuedAt: '2026-05-01' }
}

const savedArticle = (save: QueuedSave): Outcome<SavedArticle> => ({
  kind: 'ok',
  value: {
    article: { id: save.id, title: save.title, url: save.url },
    updated: false,
    warnings: [],
    collection: null,
  },
})

describe("the extension's queue of saves made while Dateline is not running", () => {
  it('sends what waits, in order, once Dateline is back', async () => {
    const storage = memoryStorage()
    for (const n of [1, 2, 3]) await enqueue(storage, pageSave(n))
    const sentOrder: string[] = []
    const report = await drainQueue(storage, async (save) => {
      sentOrder.push(save.id)
      return savedArticle(save)
    })
    expect(sentOrder).toEqual(['save-1', 'save-2', 'save-3'])
    expect(report.waiting).toBe(0)
    expect(storage.items).toEqual([])
  })

  it('keeps everything, in order, while Dateline still cannot be reached', async () => {
    const storage = memoryStorage()
    for (const n of [1, 2]) await enqueue(storage, pageSave(n))
    const report = await drainQueue(storage, async () => ({ kind: 'unreachable' }))
    expect(report).toMatchObject({ stopped: 'unreachable', waiting: 2 })
    expect(storage.items.map((item) => item.id)).toEqual(['save-1', 'save-2'])
  })

  it('drops a save Dateline refused, with its reason, and goes on with the next', async () => {
    const storage = memoryStorage([pageSave(1), pageSave(2)])
    const report = await drainQueue(storage, async (save) =>
      save.id === 'save-1' ? { kind: 'failed', message: 'This page is not an article' } : savedArticle(save),
    )
    expect(report.refused).toEqual([
      { save: expect.objectContaining({ id: 'save-1' }), message: 'This page is not an article' },
    ])
    expect(report.sent).toHaveLength(1)
    expect(storage.items).toEqual([])
  })

  it('does not lose a save queued while a round is under way', async () => {
    const storage = memoryStorage([pageSave(1)])
    await drainQueue(storage, async (save) => {
      await enqueue(storage, pageSave(9))
      return savedArticle(save)
    })
    expect(storage.items.map((item) => item.id)).toEqual(['save-9'])
  })

  it('keeps one save per page: the last one made', async () => {
    const storage = memoryStorage()
    await enqueue(storage, pageSave(1, 'https://news.example/a'))
    await enqueue(storage, { ...pageSave(2, 'https://news.example/a'), html: '<p>newer</p>' })
    expect(storage.items).toEqual([expect.objectContaining({ id: 'save-2', html: '<p>newer</p>' })])
  })

  it('refuses to hold more than its limit, and says why', async () => {
    const storage = memoryStorage(Array.from({ length: MAX_QUEUED }, (_, n) => pageSave(n)))
    const result = await enqueue(storage, pageSave(MAX_QUEUED + 1))
    expect(result).toMatchObject({ queued: false, reason: expect.stringContaining('waiting') })
    expect(storage.items).toHaveLength(MAX_QUEUED)
  })
})

describe("the extension's calls to Dateline", () => {
  const answering = (status: number, body: unknown) => async (): Promise<Response> =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

  it('sends the token only in the Authorization header, to 127.0.0.1 on the given port', async () => {
    let seen: { url: string; init: RequestInit } | null = null
    await callDateline(4417, 'status', {}, 'TOKEN', async (url, init) => {
      seen = { url, init }
      return answering(200, { ok: true, value: { collections: [] } })()
    })
    expect(seen!.url).toBe('http://127.0.0.1:4417/extension/v1/status')
    expect(seen!.init.headers).toMatchObject({ authorization: 'Bearer TOKEN' })
    expect(seen!.init.body).not.toContain('TOKEN')
    expect(seen!.init.credentials).toBe('omit')
  })

  it('tells apart Dateline not running, not paired, and a refusal with its reason', async () => {
    const down = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch')
    }
    expect(await callDateline(4417, 'status', {}, 't', down)).toEqual({ kind: 'unreachable' })
    const revoked = answering(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Pair it again.' } })
    expect(await callDateline(4417, 'status', {}, 't', revoked)).toEqual({
      kind: 'unpaired',
      message: 'Pair it again.',
    })
    const wrongCode = answering(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Not the code.' } })
    expect(await callDateline(4417, 'pair', {}, null, wrongCode)).toEqual({
      kind: 'failed',
      message: 'Not the code.',
    })
    const other = async (): Promise<Response> => new Response('<html>', { status: 200 })
    expect(await callDateline(4417, 'status', {}, 't', other)).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('Something else answers on port 4417'),
    })
  })

  it('names itself after the browser and the system when pairing', () => {
    expect(
      browserName(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux')
    expect(
      browserName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0'),
    ).toBe('Firefox on macOS')
    expect(
      browserName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/150.0 Safari/537.36 Edg/150.0',
      ),
    ).toBe('Edge on Windows')
  })
})
