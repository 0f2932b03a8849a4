import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { DatelineError } from '@shared/errors'
import {
  IMPORT_FORMAT_NAMES,
  ImportFormat,
  MAX_IMPORT_BYTES,
  type BrokenRow,
  type ImportJob,
  type ImportJobDetail,
  type ImportJobList,
} from '@shared/imports'
import type { Dispatch } from '../api/dispatch'
import { terminalSafe } from './format'
import { openForWriting } from './library-commands'
import { UsageError } from './usage-error'

/** How often the command looks at the queue while it waits. */
const POLL_MS = 500

/**
 * `dateline import FILE [--format F]`: queues the file's articles and captures them, printing
 * progress on stderr. Stopped or killed, it loses nothing: the queue is in the library, and the
 * same command run again (or the app, or serve) goes on where it was.
 */
export async function importFile(
  libraryDir: string,
  args: string[],
  values: { format?: string | undefined },
  json: boolean,
): Promise<number> {
  if (args.length !== 1 || !args[0]) throw new UsageError('import needs one file: an export of another app')
  const path = args[0]
  const format = values.format === undefined ? undefined : ImportFormat.safeParse(values.format)
  if (format && !format.success) {
    throw new UsageError(`--format is one of ${ImportFormat.options.join(', ')}`)
  }
  const size = (await stat(path)).size
  if (size > MAX_IMPORT_BYTES) {
    throw new DatelineError('TOO_LARGE', `${path} is larger than 28 MB; split it and import the parts.`)
  }
  const data = (await readFile(path)).toString('base64')
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    const job = await call<ImportJob>(dispatch, 'imports.start', {
      fileName: basename(path),
      data,
      ...(format?.success ? { format: format.data } : {}),
    })
    if (!json) printQueued(job)
    await waitForQueue(dispatch, json)
    const detail = await call<ImportJobDetail>(dispatch, 'imports.get', { id: job.id })
    if (json) console.log(JSON.stringify(detail, null, 2))
    else printFinished(detail)
    return 0
  } finally {
    await close()
  }
}

async function call<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input)
  if (!result.ok) throw new DatelineError(result.error.code, result.error.message)
  return result.value as T
}

/** Waits until no import has articles waiting (paused ones aside), telling how far it got. */
async function waitForQueue(dispatch: Dispatch, quiet: boolean): Promise<void> {
  let told = ''
  for (;;) {
    const { jobs } = await call<ImportJobList>(dispatch, 'imports.list', {})
    const running = jobs.filter((j) => j.state === 'running')
    if (running.length === 0) return
    const total = running.reduce((n, j) => n + j.counts.queued, 0)
    const done = running.reduce((n, j) => n + j.counts.done + j.counts.failed, 0)
    const failed = running.reduce((n, j) => n + j.counts.failed, 0)
    const line = `dateline: captured ${done} of ${total}${failed ? ` (${failed} failed)` : ''}`
    if (!quiet && line !== told) console.error(line)
    told = line
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

function printQueued(job: ImportJob): void {
  const c = job.counts
  console.log(
    terminalSafe(
      `Reading ${job.fileName} as a ${IMPORT_FORMAT_NAMES[job.format]}: ${c.rows} articles, ${c.queued} queued` +
        `${c.withText ? ` (${c.withText} with their text)` : ''}, ${c.alreadyThere} already there, ${c.broken} broken rows.`,
    ),
  )
  for (const row of job.brokenRows) console.log(terminalSafe(`  ${where(row)}: ${row.reason}`))
  if (job.counts.broken > job.brokenRows.length) {
    console.log(`  … and ${job.counts.broken - job.brokenRows.length} more`)
  }
  if (job.collections.length > 0) console.log(terminalSafe(`Collections: ${job.collections.join(', ')}`))
}

function printFinished(job: ImportJobDetail): void {
  console.log(`Imported ${job.counts.done} of ${job.counts.queued} articles; ${job.counts.failed} failed.`)
  for (const failure of job.failures.slice(0, 50)) {
    console.log(terminalSafe(`  line ${failure.line}: ${failure.url}: ${failure.error}`))
  }
  if (job.counts.failed > 0) {
    console.log('Try the failed ones again later from the Import window (Retry failed).')
  }
}

function where(row: BrokenRow): string {
  return `${row.unit} ${row.line}`
}
