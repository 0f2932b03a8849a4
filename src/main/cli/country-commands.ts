import { access } from 'node:fs/promises'
import type { ArticleSummary } from '@shared/article'
import { CountryListInput, type CountryCount, type CountryEdit, type RetagStatus } from '@shared/countries'
import { countCountries } from '../countries/country-store'
import { parseCountryEdit } from '../countries/person-edits'
import type { Dispatch } from '../api/dispatch'
import { libraryLayout } from '../library/layout'
import { LibraryStore } from '../library/library-store'
import { connectToRunningLibrary } from '../serve/local-endpoint'
import { terminalSafe } from './format'
import { wholeIds } from './id-arguments'
import { openForWriting, printUpgradeProgress, type ListOptions } from './library-commands'
import { positiveInteger, UsageError } from './usage-error'
import { articleCount } from '@shared/article-count'

/** The countries commands: countries, tag, retag. */

const EDIT_WORD = /^[+^-][A-Za-z]{2}$/

/**
 * `dateline tag ID +UA -RU`: "-RU" looks like an option to parseArgs, so the edit words of a `tag`
 * command are taken out of the arguments before they are parsed.
 */
export function takeCountryEdits(argv: string[]): { args: string[]; edits: string[] } {
  const command = argv.find((word, i) => !word.startsWith('-') && argv[i - 1] !== '--library')
  if (command !== 'tag') return { args: argv, edits: [] }
  return {
    args: argv.filter((word) => !EDIT_WORD.test(word)),
    edits: argv.filter((word) => EDIT_WORD.test(word)),
  }
}

async function call<T>(dispatch: Dispatch, name: Parameters<Dispatch>[0], input: unknown): Promise<T> {
  const result = await dispatch(name, input)
  if (!result.ok) throw result.error
  return result.value as T
}

/** `dateline countries [--json]`: every country with articles (--sort name, list filters). */
export async function listCountries(libraryDir: string, values: ListOptions, json: boolean): Promise<number> {
  const state = values.unread ? 'unread' : values.starred ? 'starred' : values.archived ? 'archived' : 'all'
  const parsed = CountryListInput.safeParse({
    state,
    ...(values.correspondent ? { correspondent: values.correspondent } : {}),
    ...(values.collection ? { collection: values.collection } : {}),
    ...(values.feed ? { feed: positiveInteger(values.feed, '--feed') } : {}),
    ...(values.site ? { site: values.site } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  })
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '))
  if (values.sort && values.sort !== 'name' && values.sort !== 'count') {
    throw new UsageError('countries takes --sort count or --sort name')
  }
  const countries = await readCountries(libraryDir, parsed.data)
  if (values.sort === 'name') countries.sort((a, b) => a.name.localeCompare(b.name, 'en'))
  if (json) console.log(JSON.stringify(countries, null, 2))
  else if (countries.length === 0) console.log('No article is tagged with a country yet.')
  else {
    const width = Math.max(...countries.map((c) => c.name.length))
    for (const c of countries) {
      const unread = c.unread > 0 ? `, ${c.unread} unread` : ''
      console.log(terminalSafe(`${c.code}  ${c.name.padEnd(width)}  ${articleCount(c.articles)}${unread}`))
    }
  }
  return 0
}

/** From the running app or serve when one holds the library, else straight from the database. */
async function readCountries(
  libraryDir: string,
  input: ReturnType<typeof CountryListInput.parse>,
): Promise<CountryCount[]> {
  const layout = libraryLayout(libraryDir)
  const hasEndpoint = await access(layout.endpoint).then(
    () => true,
    () => false,
  )
  const running = hasEndpoint ? await connectToRunningLibrary(layout) : null
  if (running) return (await call<{ countries: CountryCount[] }>(running, 'countries.list', input)).countries
  const store = await LibraryStore.open(libraryDir, { readOnly: true, progress: printUpgradeProgress })
  try {
    return store.query((db) => countCountries(db, input))
  } finally {
    await store.close()
  }
}

/** `dateline tag ID +UA ^UA -RU`: add as mentioned, make primary, remove. */
export async function tagArticle(
  libraryDir: string,
  args: string[],
  editWords: string[],
  json: boolean,
): Promise<number> {
  if (args.length !== 1 || !args[0])
    throw new UsageError('tag needs one article id, then edits such as +UA ^UA -RU')
  if (editWords.length === 0)
    throw new UsageError('tag needs at least one edit: +UA adds, ^UA makes primary, -RU removes')
  const edits: CountryEdit[] = editWords.map((word) => {
    const edit = parseCountryEdit(word)
    if (edit === null)
      throw new UsageError(`"${word}" is not an edit (+UA adds, ^UA makes primary, -RU removes)`)
    return edit
  })
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    const [id] = await wholeIds(dispatch, args)
    const article = await call<ArticleSummary>(dispatch, 'countries.edit', { id, edits })
    if (json) console.log(JSON.stringify(article, null, 2))
    else {
      const shown = article.countries.map((c) => (c.role === 'primary' ? `${c.code} (primary)` : c.code))
      console.log(terminalSafe(`${article.id}  ${article.title}\n  ${shown.join(', ') || 'no country'}`))
    }
    return 0
  } finally {
    await close()
  }
}

/** `dateline retag`: every article tagged again (the person's edits kept), with progress. */
export async function retagLibrary(libraryDir: string, json: boolean): Promise<number> {
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    let status = await call<RetagStatus>(dispatch, 'countries.retag', {})
    let shown = -1
    while (status.running) {
      const percent = status.total === 0 ? 100 : Math.floor((status.done / status.total) * 100)
      if (!json && percent !== shown) {
        shown = percent
        process.stderr.write(`\rTagging countries: ${status.done} of ${status.total} articles (${percent}%)`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
      status = await call<RetagStatus>(dispatch, 'countries.retagStatus', {})
    }
    if (!json && shown >= 0) process.stderr.write('\n')
    if (json) console.log(JSON.stringify(status))
    else if (status.error) console.error(terminalSafe(`dateline: ${status.error}`))
    else console.log(`Tagged ${articleCount(status.done)}; the countries of ${status.changed} changed.`)
    return status.error ? 1 : 0
  } finally {
    await close()
  }
}
