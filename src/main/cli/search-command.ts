import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { highlightPieces, type HighlightedText } from '@shared/search'
import { formatListLine, terminalSafe } from './format'
import { listInput, printUpgradeProgress, type ListOptions } from './library-commands'
import { openForReading } from './readable-library'
import { UsageError } from './usage-error'

/**
 * `dateline search ceasefire -geneva`, typed as the usage shows it: a word after one dash is a word
 * to leave out, not short options nobody meant (-g -e -n...). For a search with such a word, every
 * word goes after `--` in the order typed, so the option parser keeps it; the options stay before.
 * A mistyped long option (--contry) is still refused.
 */
export function searchWordsKept(args: string[], options: ParseArgsOptionsConfig): string[] {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true })
  const first = tokens.find((token) => token.kind === 'positional')
  if (first?.kind !== 'positional' || first.value !== 'search') return args
  // A group of short options comes from one word: one letter not ours makes all of it a word.
  const wordsAt = new Set(
    tokens.flatMap((token) =>
      token.kind === 'option' && !Object.hasOwn(options, token.name) && /^-[^-]/.test(args[token.index]!)
        ? [token.index]
        : [],
    ),
  )
  if (wordsAt.size === 0) return args
  const kept: string[] = []
  const words: string[] = []
  const seen = new Set<number>()
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value)
    else if (token.kind === 'option' && !seen.has(token.index)) {
      seen.add(token.index)
      if (wordsAt.has(token.index)) words.push(args[token.index]!)
      else
        kept.push(
          ...args.slice(token.index, token.index + (token.value !== undefined && !token.inlineValue ? 2 : 1)),
        )
    }
  }
  return [...kept, '--', ...words]
}

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
