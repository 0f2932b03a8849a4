import {
  events,
  type Api,
  type EventName,
  type EventPayload,
  type InputOf,
  type OutputOf,
  type ProcedureName,
} from '@shared/contract'
import { DatelineError, isErrorInfo, type ErrorCode } from '@shared/errors'
import { ELECTRON_MEDIA_BASE, type PreloadBridge } from '@shared/ipc'

/** An error the host returned for one call, turned back into something `catch` can branch on. */
export class ApiError extends DatelineError {
  constructor(code: ErrorCode, message: string) {
    super(code, message)
    this.name = 'ApiError'
  }
}

export const UNAUTHORIZED_MESSAGE =
  'Open the link that `dateline serve` printed; it carries the key to this library.'

const HOST_UNREACHABLE_MESSAGE =
  'Dateline’s browser host is not answering. Check that `dateline serve` is still running, then reload this page.'

function unwrap<K extends ProcedureName>(result: unknown): OutputOf<K> {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    if (result.ok === true && 'value' in result) return result.value as OutputOf<K>
    if (result.ok === false && 'error' in result && isErrorInfo(result.error)) {
      const { code, message } = result.error
      throw new ApiError(code, code === 'UNAUTHORIZED' ? UNAUTHORIZED_MESSAGE : message)
    }
  }
  throw new ApiError('INTERNAL', 'Dateline’s host gave an answer the window cannot read.')
}

/** Payloads cross a process or network boundary, so each one is checked against its schema. */
function parseEvent<E extends EventName>(event: E, payload: unknown): EventPayload<E> | null {
  const parsed = events[event].safeParse(payload)
  return parsed.success ? (parsed.data as EventPayload<E>) : null
}

function electronApi(bridge: PreloadBridge): Api {
  return {
    host: 'electron',
    mediaBaseUrl: ELECTRON_MEDIA_BASE,
    async invoke<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
      return unwrap<K>(await bridge.invoke(name, input))
    },
    on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
      return bridge.on((name, payload) => {
        if (name !== event) return
        const parsed = parseEvent(event, payload)
        if (parsed) handler(parsed)
      })
    },
  }
}

function browserApi(): Api {
  // One stream serves every subscription; EventSource reconnects by itself after a dropped connection.
  let source: EventSource | null = null

  return {
    host: 'browser',
    // The browser host serves everything under the session's folder (/s/<key>/), so every
    // address is relative to the page.
    mediaBaseUrl: new URL('.', location.href).href,
    async invoke<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
      let response: Response
      try {
        response = await fetch(`api/${name}`, {
          method: 'POST',
          credentials: 'omit',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        throw new ApiError('INTERNAL', HOST_UNREACHABLE_MESSAGE)
      }
      if (response.status === 401) throw new ApiError('UNAUTHORIZED', UNAUTHORIZED_MESSAGE)
      let body: unknown
      try {
        body = await response.json()
      } catch {
        throw new ApiError(
          'INTERNAL',
          `Dateline’s browser host answered HTTP ${response.status} without a result.`,
        )
      }
      return unwrap<K>(body)
    },
    on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
      source ??= openEventStream()
      const listener = (message: MessageEvent<string>): void => {
        let payload: unknown
        try {
          payload = JSON.parse(message.data)
        } catch {
          return
        }
        const parsed = parseEvent(event, payload)
        if (parsed) handler(parsed)
      }
      const stream = source
      stream.addEventListener(event, listener)
      return () => stream.removeEventListener(event, listener)
    },
  }
}

export const api: Api = window.dateline ? electronApi(window.dateline) : browserApi()

/**
 * The browser host's event stream. EventSource reconnects by itself (after sleep, or a restart of
 * `dateline serve`), but events sent meanwhile are lost; a reconnect is therefore announced to the
 * stores as a library change, so the list is fetched again.
 */
function openEventStream(): EventSource {
  const stream = new EventSource('api/events')
  let connectedBefore = false
  stream.addEventListener('open', () => {
    if (connectedBefore) {
      stream.dispatchEvent(new MessageEvent('library.changed', { data: JSON.stringify({ ids: [] }) }))
    }
    connectedBefore = true
  })
  return stream
}
