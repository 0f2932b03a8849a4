import type { CorrespondentList, CorrespondentSummary } from '@shared/correspondents'
import { DatelineError, type CallResult } from '@shared/errors'
import { correspondentKey } from '../library/article-rows'
import { terminalSafe } from './format'
import { openForWriting } from './library-commands'
import { positiveInteger, UsageError } from './usage-error'

/** `dateline correspondents`, `dateline follow NAME`, `dateline unfollow NAME`. */

interface CorrespondentOptions {
  sort?: string | undefined
  limit?: string | undefined
  offset?: string | undefined
}

const SORTS = ['name', 'count', 'latest']

export async function listCorrespondentsCommand(
  libraryDir: string,
  args: string[],
  values: CorrespondentOptions,
  json: boolean,
): Promise<number> {
  const sort = values.sort ?? 'count'
  if (!SORTS.includes(sort)) throw new UsageError(`--sort for correspondents is one of ${SORTS.join(', ')}`)
  const input = {
    sort,
    ...(args.length > 0 ? { query: args.join(' ') } : {}),
    ...(values.limit ? { limit: positiveInteger(values.limit, '--limit') } : {}),
    ...(values.offset ? { offset: positiveInteger(values.offset, '--offset') } : {}),
  }
  const library = await openForWriting(libraryDir)
  try {
    const list = (await valueOf(library.dispatch('correspondents.list', input))) as CorrespondentList
    if (json) console.log(JSON.stringify(list, null, 2))
    else {
      for (const c of list.items) console.log(correspondentLine(c))
      console.log(`${list.total} correspondent${list.total === 1 ? '' : 's'}`)
    }
    return 0
  } finally {
    await library.close()
  }
}

/** Follows (or unfollows) every correspondent of that name, at every outlet. */
export async function followCommand(
  libraryDir: string,
  args: string[],
  follow: boolean,
  json: boolean,
): Promise<number> {
  const name = args.join(' ').trim()
  if (name === '') throw new UsageError(`${follow ? 'follow' : 'unfollow'} needs a correspondent's name`)
  const library = await openForWriting(libraryDir)
  try {
    const list = (await valueOf(
      library.dispatch('correspondents.list', { query: name, limit: 500 }),
    )) as CorrespondentList
    const named = list.items.filter((c) => correspondentKey(c.name) === correspondentKey(name))
    if (named.length === 0) {
      throw new DatelineError('NOT_FOUND', `No correspondent is called "${name}" in this library.`)
    }
    const done: CorrespondentSummary[] = []
    for (const c of named) {
      done.push(
        (await valueOf(
          library.dispatch(follow ? 'correspondents.follow' : 'correspondents.unfollow', { id: c.id }),
        )) as CorrespondentSummary,
      )
    }
    if (json) console.log(JSON.stringify(done, null, 2))
    else
      for (const c of done)
        console.log(`${follow ? 'Following' : 'No longer following'} ${correspondentLine(c)}`)
    return 0
  } finally {
    await library.close()
  }
}

function correspondentLine(c: CorrespondentSummary): string {
  const outlets = c.outlets.length > 0 ? ` (${c.outlets.join(', ')})` : ''
  const marks = [c.followed ? 'followed' : '', c.feedUrl ? 'own feed' : ''].filter(Boolean).join(', ')
  return terminalSafe(
    `${c.id}\t${c.name}${outlets}\t${c.kind}\t${c.articles} article${c.articles === 1 ? '' : 's'}` +
      (marks ? `\t${marks}` : ''),
  )
}

async function valueOf(call: Promise<CallResult<unknown>>): Promise<unknown> {
  const result = await call
  if (!result.ok) throw new DatelineError(result.error.code, result.error.message)
  return result.value
}
