import { ResolveIdsInput } from '@shared/article-ids'
import type { Dispatch } from '../api/dispatch'
import type { IdPlace } from '../library/article-id-prefixes'
import { UsageError } from './usage-error'

/** The prefixes as typed, checked (a usage error names the bad one) and lower-cased. */
export function idPrefixes(args: readonly string[]): string[] {
  const parsed = ResolveIdsInput.safeParse({ prefixes: args })
  if (parsed.success) return parsed.data.prefixes
  const issue = parsed.error.issues[0]
  const at = issue?.path[1]
  const which = typeof at === 'number' ? `"${args[at]}": ` : ''
  throw new UsageError(`${which}${issue?.message ?? 'not an article id'}`)
}

/**
 * Every id argument of a command, shortened or whole, as the whole id (as git takes a commit's
 * prefix). Asked of the library that the command has open, so it is the same through a running app.
 */
export async function wholeIds(
  dispatch: Dispatch,
  args: readonly string[],
  place: IdPlace = 'library',
): Promise<string[]> {
  if (args.length === 0) return []
  const result = await dispatch('articles.resolveIds', { prefixes: idPrefixes(args), in: place })
  if (!result.ok) throw result.error
  return (result.value as { ids: string[] }).ids
}
