import type { CollectionInfo, CollectionList, MembershipResult, SavedFilter } from '@shared/collections'
import type { ProcedureName } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import { terminalSafe } from './format'
import { listInput, openForWriting, type ListOptions } from './library-commands'
import { wholeIds } from './id-arguments'
import { UsageError } from './usage-error'
import { articleCount } from '@shared/article-count'

/**
 * `dateline collection list|create|rename|describe|delete|add|remove`. Collections are named on the
 * command line (case and spacing do not matter), as the list's `--collection NAME` names them.
 */

export interface CollectionOptions extends ListOptions {
  description?: string | undefined
  smart?: boolean
  words?: string | undefined
}

const VERBS = ['list', 'create', 'rename', 'describe', 'delete', 'add', 'remove'] as const
type Verb = (typeof VERBS)[number]

export async function collectionCommand(
  libraryDir: string,
  args: string[],
  values: CollectionOptions,
  json: boolean,
): Promise<number> {
  const [verb, ...rest] = args
  if (!verb || !(VERBS as readonly string[]).includes(verb)) {
    throw new UsageError(`collection takes one of ${VERBS.join(', ')}`)
  }
  const { dispatch, close } = await openForWriting(libraryDir)
  const call = async <T>(name: ProcedureName, input: unknown): Promise<T> => {
    const result = await dispatch(name, input)
    if (!result.ok) throw new DatelineError(result.error.code, result.error.message)
    return result.value as T
  }
  const named = async (name: string | undefined): Promise<CollectionInfo> => {
    if (!name) throw new UsageError(`collection ${verb} needs the name of a collection`)
    const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase()
    const { collections } = await call<CollectionList>('collections.list', {})
    const found = collections.find((c) => c.name.toLowerCase() === wanted)
    if (!found) throw new DatelineError('NOT_FOUND', `There is no collection called “${name}”.`)
    return found
  }
  const say = (text: string, value: unknown): void => {
    console.log(json ? JSON.stringify(value, null, 2) : terminalSafe(text))
  }
  try {
    switch (verb as Verb) {
      case 'list': {
        const { collections } = await call<CollectionList>('collections.list', {})
        if (json) console.log(JSON.stringify({ collections }, null, 2))
        else if (collections.length === 0)
          console.log('No collections yet. Make one with: dateline collection create NAME')
        else for (const c of collections) console.log(terminalSafe(listLine(c)))
        return 0
      }
      case 'create': {
        const [name, ...extra] = rest
        if (!name || extra.length > 0)
          throw new UsageError('collection create takes one name (quote it if it has spaces)')
        const filter = values.smart ? savedFilter(values) : undefined
        const made = await call<CollectionInfo>('collections.create', {
          name,
          ...(values.description !== undefined ? { description: values.description } : {}),
          ...(filter ? { filter } : {}),
        })
        say(
          `Created ${made.filter ? 'smart collection' : 'collection'} “${made.name}” (${articleCount(made.articles)})`,
          made,
        )
        return 0
      }
      case 'rename': {
        const [from, to, ...extra] = rest
        if (!to || extra.length > 0)
          throw new UsageError('collection rename takes the old name and the new one')
        const renamed = await call<CollectionInfo>('collections.rename', {
          id: (await named(from)).id,
          name: to,
        })
        say(`Renamed “${from}” to “${renamed.name}”`, renamed)
        return 0
      }
      case 'describe': {
        const [name, ...words] = rest
        const description = values.description ?? words.join(' ')
        const described = await call<CollectionInfo>('collections.describe', {
          id: (await named(name)).id,
          description,
        })
        say(`Described “${described.name}”`, described)
        return 0
      }
      case 'delete': {
        const [name, ...extra] = rest
        if (extra.length > 0)
          throw new UsageError('collection delete takes one name (quote it if it has spaces)')
        const deleted = await call<CollectionInfo>('collections.delete', { id: (await named(name)).id })
        say(`Deleted the collection “${deleted.name}”; its articles stay in the library`, deleted)
        return 0
      }
      case 'add':
      case 'remove': {
        const [name, ...ids] = rest
        if (ids.length === 0) throw new UsageError(`collection ${verb} needs a name, then article ids`)
        const collection = await named(name)
        const result = await call<MembershipResult>(
          verb === 'add' ? 'collections.add' : 'collections.remove',
          {
            id: collection.id,
            articles: await wholeIds(dispatch, ids),
          },
        )
        const what = result.changed === 1 ? 'article' : 'articles'
        // Archived articles stay in the collection but not in its count: without them, adding
        // three could read "(2 in it)".
        const { articles, archived } = result.collection
        const alsoArchived = archived > 0 ? `, ${archived} archived` : ''
        say(
          verb === 'add'
            ? `Added ${result.changed} ${what} to “${collection.name}” (${articles} in it${alsoArchived})`
            : `Removed ${result.changed} ${what} from “${collection.name}” (${articles} left${alsoArchived})`,
          result,
        )
        return 0
      }
    }
  } finally {
    await close()
  }
}

function listLine(c: CollectionInfo): string {
  const counts = `${articleCount(c.articles)}, ${c.unread} unread${c.archived > 0 ? `, ${c.archived} archived` : ''}`
  const kind = c.filter ? `  [smart: ${describeFilter(c.filter)}]` : ''
  return `${c.name.replace(/\s+/g, ' ')}  (${counts})${kind}`
}

function describeFilter(filter: SavedFilter): string {
  const parts = Object.entries(filter)
    .filter(([key, value]) => value !== undefined && !(key === 'state' && value === 'all'))
    .map(([key, value]) => (key === 'query' ? `“${String(value)}”` : `${key} ${String(value)}`))
  return parts.length > 0 ? parts.join(', ') : 'everything'
}

/** The list's filter flags (and --words) as a smart collection's saved search. */
function savedFilter(values: CollectionOptions): SavedFilter {
  const { offset: _o, limit: _l, sort: _s, by: _b, ...filter } = listInput(values, values.words)
  return filter
}
