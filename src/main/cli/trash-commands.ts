import type { ArticleSummary } from '@shared/article'
import type { ProcedureName } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import type { EmptyTrashResult, TrashPage, TrashedArticle } from '@shared/trash'
import { terminalSafe } from './format'
import { wholeIds } from './id-arguments'
import { openForWriting } from './library-commands'
import { UsageError } from './usage-error'
import { articleCount } from '@shared/article-count'

const VERBS = ['list', 'restore', 'empty'] as const

/** The trash's own page size; `trash list` reads it all, page by page. */
const PAGE = 500

function trashLine(item: TrashedArticle): string {
  const site = item.siteName ? `  — ${item.siteName}` : ''
  return terminalSafe(
    `${item.id}  deleted ${item.deletedAt.slice(0, 10)}, gone after ${item.purgeAt.slice(0, 10)}  ` +
      `${item.title.replace(/\s+/g, ' ')}${site}`,
  )
}

/**
 * `dateline trash [list]`, `trash restore ID...`, `trash empty [ID...]`: the window's Trash view
 * on the command line. Ids may be shortened to any unique prefix of the trashed articles.
 */
export async function trashCommand(libraryDir: string, args: string[], json: boolean): Promise<number> {
  const [verb = 'list', ...ids] = args
  if (!(VERBS as readonly string[]).includes(verb)) {
    throw new UsageError(`trash takes one of ${VERBS.join(', ')}`)
  }
  if (verb === 'list' && ids.length > 0) throw new UsageError('trash list takes no ids')
  if (verb === 'restore' && ids.length === 0) throw new UsageError('trash restore needs article ids')
  const { dispatch, close } = await openForWriting(libraryDir)
  const call = async <T>(name: ProcedureName, input: unknown): Promise<T> => {
    const result = await dispatch(name, input)
    if (!result.ok) throw new DatelineError(result.error.code, result.error.message)
    return result.value as T
  }
  try {
    if (verb === 'list') {
      const items: TrashedArticle[] = []
      let total = 0
      for (let offset = 0; ; offset += PAGE) {
        const page = await call<TrashPage>('trash.list', { offset, limit: PAGE })
        total = page.total
        items.push(...page.items)
        if (page.items.length < PAGE) break
      }
      if (json) console.log(JSON.stringify({ total, items }, null, 2))
      else if (items.length === 0) console.log('The trash is empty.')
      else for (const item of items) console.log(trashLine(item))
      return 0
    }
    const whole = await wholeIds(dispatch, ids, 'trash')
    if (verb === 'restore') {
      const restored: ArticleSummary[] = []
      for (const id of whole) restored.push(await call<ArticleSummary>('articles.restore', { id }))
      if (json) console.log(JSON.stringify({ restored: restored.map((a) => a.id) }))
      else
        for (const article of restored) console.log(terminalSafe(`Restored ${article.id}  ${article.title}`))
      return 0
    }
    const { removed } = await call<EmptyTrashResult>('trash.empty', whole.length > 0 ? { ids: whole } : {})
    if (json) console.log(JSON.stringify({ removed }))
    else console.log(`Deleted ${articleCount(removed)} for good`)
    return 0
  } finally {
    await close()
  }
}
