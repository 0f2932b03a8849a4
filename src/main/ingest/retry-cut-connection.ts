import type { FetchFunction } from './fetch-page'
import { CUT_CONNECTION, failureCode } from './network-failures'

/**
 * A GET whose connection is cut before any answer is asked once more, as browsers do: a server
 * that closes an idle kept-alive socket just as it is reused (common on busy sites and on a loaded
 * computer, where the page took seconds to read before its pictures were asked for) otherwise costs
 * the person a picture or the article. Once only, and never after the request's own time ran out.
 */
export function retryCutConnection(fetchFn: FetchFunction): FetchFunction {
  return async (input, init) => {
    try {
      return await fetchFn(input, init)
    } catch (error) {
      const method = init?.method?.toUpperCase() ?? 'GET'
      const code = failureCode(error)
      if (method !== 'GET' || init?.signal?.aborted || code === null || !CUT_CONNECTION.test(code))
        throw error
      return fetchFn(input, init)
    }
  }
}
