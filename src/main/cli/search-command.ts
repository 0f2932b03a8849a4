import { highlightPieces, type HighlightedText } from '@shared/search'
import { formatListLine, terminalSafe } from './format'
import { listInput, printUpgradeProgress, type ListOptions } from './library-commands'
import { openForReading } from './readable-library'
import { UsageError } from './usage-error'

/** Results per page of `dateline search`, unless --limit says otherwise (at most 100). */
const DEFAULT_LIMIT = 20

/**
 * `dateline search WORDS [filters] [--limit N] [--offset N] [--json]`: the best matches first,
 * each with the stretch of its text that matched. Matched words are in bold on a terminal.
 */
export async function searchCommand(
  libraryDir: string,
  values: ListOptions,
  json: boolean,
  query: string,
): Promise<number> {
  const limit = values.limit ? Number(values.limit) : DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new UsageError('--limit for search is a whole number from 1 to 100')
  }
  // The list's own options (which date orders it, stories folded) are not the search's: a running
  // app checks the input strictly and would refuse them.
  const { by: _listDate, foldStories: _folded, limit: _all, ...filter } = listInput(values, query)
  const { offset } = filter
  const library = await openForReading(libraryDir, printUpgradeProgress)
  try {
    const page = await library.search({ ...filter, query, limit })
    if (json) {
      const items = page.items.map((hit) => ({ ...hit.article, match: hit.match }))
      const { total, totalIsLowerBound, notice } = page
      console.log(JSON.stringify({ total, totalIsLowerBound, notice, offset, items }, null, 2))
      return 0
    }
    if (page.notice) console.error(terminalSafe(page.notice))
    if (page.items.length === 0) {
      console.log('Nothing matches.')
      return 0
    }
    const bold = process.stdout.isTTY === true
    for (const hit of page.items) {
      console.log(formatListLine(hit.article))
      if (hit.match.snippet.text) console.log(`    ${printable(hit.match.snippet, bold)}`)
    }
    const shown = `${offset + 1}–${offset + page.items.length}`
    const total = `${page.total.toLocaleString('en')}${page.totalIsLowerBound ? '+' : ''}`
    console.error(`${shown} of ${total} found`)
    return 0
  } finally {
    await library.close()
  }
}

function printable(value: HighlightedText, bold: boolean): string {
  return highlightPieces(value)
    .map((piece) => {
      const text = terminalSafe(piece.text).replace(/\n/g, ' ')
      return piece.marked && bold ? `\u001b[1m${text}\u001b[22m` : text
    })
    .join('')
}
