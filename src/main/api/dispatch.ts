import { contract, isProcedureName, type Services } from '@shared/contract'
import { toErrorInfo, type CallResult } from '@shared/errors'

export type Dispatch = (name: string, input: unknown) => Promise<CallResult<unknown>>

/**
 * The one entry point every host calls: the name must be on the contract's allow-list, the input
 * must pass its schema, and whatever happens the caller gets a CallResult, never an exception.
 */
export function createDispatch(services: Services): Dispatch {
  return async (name, input) => {
    if (!isProcedureName(name)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_PROCEDURE', message: `Dateline has no operation called "${name}".` },
      }
    }
    const parsed = contract[name].input.safeParse(input ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `${issue?.message ?? 'Invalid input'}${where}` },
      }
    }
    try {
      const call = services[name] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await call(parsed.data) }
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) }
    }
  }
}
