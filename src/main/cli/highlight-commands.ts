import type { ProcedureName } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import type { AnchoredHighlight } from '@shared/highlights'
import { terminalSafe } from './format'
import { openForWriting } from './library-commands'
import { UsageError } from './usage-error'

/**
 * `dateline highlights [ID]`: the highlights and notes of one article, or of every article;
 * `dateline highlight ID --quote TEXT [--note TEXT]`: highlight a passage from the command line.
 */

export interface HighlightOptions {
  quote?: string | undefined
  note?: string | undefined
}

async function withLibrary<T>(
  libraryDir: string,
  work: (call: <R>(name: ProcedureName, input: unknown) => Promise<R>) => Promise<T>,
): Promise<T> {
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    return await work(async <R>(name: ProcedureName, input: unknown): Promise<R> => {
      const result = await dispatch(name, input)
      if (!result.ok) throw new DatelineError(result.error.code, result.error.message)
      return result.value as R
    })
  } finally {
    await close()
  }
}

export async function listHighlights(libraryDir: string, args: string[], json: boolean): Promise<number> {
  if (args.length > 1) throw new UsageError('highlights takes at most one article id')
  const articleId = args[0]
  const { highlights } = await withLibrary(libraryDir, (call) =>
    call<{ highlights: AnchoredHighlight[] }>('highlights.list', articleId ? { articleId } : {}),
  )
  if (json) {
    console.log(JSON.stringify({ highlights }, null, 2))
    return 0
  }
  if (highlights.length === 0) {
    console.log(articleId ? 'This article has no highlights.' : 'No highlights yet.')
    return 0
  }
  let article = ''
  for (const h of highlights) {
    if (!articleId && h.articleId !== article) console.log(`${article === '' ? '' : '\n'}${h.articleId}`)
    article = h.articleId
    console.log(terminalSafe(highlightLine(h)))
  }
  return 0
}

export function highlightLine(h: AnchoredHighlight): string {
  const quote = h.exact.replace(/\s+/g, ' ').trim()
  const note = h.note.trim() === '' ? '' : `\n    Note: ${h.note.replace(/\s+/g, ' ').trim()}`
  return `  ${h.id}${h.at === null ? ' (orphaned: no longer in the text)' : ''}  “${quote}”${note}`
}

export async function addHighlight(
  libraryDir: string,
  args: string[],
  values: HighlightOptions,
  json: boolean,
): Promise<number> {
  const [articleId, ...extra] = args
  if (!articleId || extra.length > 0 || !values.quote) {
    throw new UsageError('highlight takes an article id and --quote TEXT (and --note TEXT)')
  }
  const made = await withLibrary(libraryDir, (call) =>
    call<AnchoredHighlight>('highlights.add', {
      articleId,
      exact: values.quote,
      ...(values.note !== undefined ? { note: values.note } : {}),
    }),
  )
  console.log(json ? JSON.stringify(made, null, 2) : terminalSafe(`Highlighted:\n${highlightLine(made)}`))
  return 0
}
