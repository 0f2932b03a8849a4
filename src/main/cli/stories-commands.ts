import { readFile } from 'node:fs/promises'
import type { Dispatch } from '../api/dispatch'
import type { StoryDetail, StoryList } from '@shared/stories'
import { groupItems, parseGroupableLines } from '../stories/group-items'
import { terminalSafe } from './format'
import { openForWriting } from './library-commands'
import { positiveInteger, UsageError } from './usage-error'

/** The stories commands: `stories [--json]`, `stories show ID`, `stories group FILE.jsonl`. */

export interface StoryCommandOptions {
  country?: string | undefined
  collection?: string | undefined
  limit?: string | undefined
}

async function call<T>(dispatch: Dispatch, name: Parameters<Dispatch>[0], input: unknown): Promise<T> {
  const result = await dispatch(name, input)
  if (!result.ok) throw result.error
  return result.value as T
}

export async function storiesCommand(
  libraryDir: string,
  args: string[],
  values: StoryCommandOptions,
  json: boolean,
): Promise<number> {
  const [verb, ...rest] = args
  if (verb === 'group') {
    if (rest.length !== 1) throw new UsageError('stories group needs one file of items (JSON lines)')
    return groupFile(rest[0]!, json)
  }
  if (verb !== undefined && verb !== 'show') throw new UsageError(`stories takes group or show, not ${verb}`)
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    // Articles saved before stories existed are grouped first (with the app running, it did that).
    await call(dispatch, 'stories.groupWaiting', {})
    if (verb === 'show') {
      if (rest.length !== 1) throw new UsageError('stories show needs a story number')
      const story = await call<StoryDetail>(dispatch, 'stories.get', {
        id: positiveInteger(rest[0]!, 'story'),
      })
      if (json) console.log(JSON.stringify(story, null, 2))
      else printStory(story)
      return 0
    }
    const list = await call<StoryList>(dispatch, 'stories.list', {
      ...(values.country ? { country: values.country } : {}),
      ...(values.collection ? { collection: values.collection } : {}),
      ...(values.limit ? { limit: positiveInteger(values.limit, '--limit') } : {}),
    })
    if (json) console.log(JSON.stringify(list.items, null, 2))
    else if (list.items.length === 0) console.log('No story has two articles yet.')
    else {
      for (const story of list.items) {
        const languages = story.languages.length > 1 ? ` · ${story.languages.length} languages` : ''
        console.log(
          terminalSafe(
            `${String(story.id).padStart(6)}  ${story.lastAt.slice(0, 10)}  ${story.title}  ` +
              `(${story.outlets} outlets${languages})`,
          ),
        )
      }
    }
    return 0
  } finally {
    await close()
  }
}

function printStory(story: StoryDetail): void {
  console.log(terminalSafe(`Story ${story.id}: ${story.title}`))
  console.log(
    terminalSafe(`Why grouped: ${story.evidence.map((e) => e.label).join('; ') || '(nothing shared)'}`),
  )
  for (const item of story.items) {
    const who = item.article.siteName ?? item.article.url ?? ''
    console.log(
      terminalSafe(
        `  ${item.at.slice(0, 16).replace('T', ' ')}  ${item.article.lang ?? '--'}  ${who}: ${item.article.title}`,
      ),
    )
  }
}

/** Groups a file of items with the library's own code and prints each item's story. */
async function groupFile(path: string, json: boolean): Promise<number> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `Cannot read ${path}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}`,
    )
  })
  let items
  try {
    items = parseGroupableLines(text)
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`)
  }
  const grouped = groupItems(items)
  if (json) {
    console.log(JSON.stringify(grouped.map(({ id, story, score, shared }) => ({ id, story, score, shared }))))
  } else {
    const byStory = new Map<number, string[]>()
    grouped.forEach((g, i) => byStory.set(g.story, [...(byStory.get(g.story) ?? []), items[i]!.title]))
    for (const [story, titles] of byStory) {
      console.log(terminalSafe(`Story ${story}`))
      for (const title of titles) console.log(terminalSafe(`  ${title}`))
    }
  }
  return 0
}
