import type { SyncReport, SyncStatus } from '@shared/sync'
import { terminalSafe } from './format'
import { openForWriting } from './library-commands'
import { UsageError } from './usage-error'
import { articleCount } from '@shared/article-count'

/**
 * `dateline sync enable FOLDER`, `dateline sync status [--json]`, `dateline sync now`, clients of
 * the sync procedures (docs/sync.md). While the app or `dateline serve` holds the library, the calls
 * go to it, so `sync now` from a terminal syncs in the running app.
 */

export interface SyncCommandOptions {
  name?: string | undefined
}

export async function syncCommand(
  libraryDir: string,
  args: string[],
  options: SyncCommandOptions,
  json: boolean,
): Promise<number> {
  const [verb, ...rest] = args
  const { dispatch, close } = await openForWriting(libraryDir)
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(name, input)
    if (!result.ok) throw result.error
    return result.value as T
  }
  try {
    switch (verb) {
      case 'enable': {
        if (rest.length !== 1)
          throw new UsageError('sync enable needs the sync folder (the folder Syncthing shares)')
        const report = await call<SyncReport>('sync.enable', {
          folder: rest[0]!,
          ...(options.name ? { deviceName: options.name } : {}),
        })
        return printReport(report, json, `Syncing through ${report.status.folder}.`)
      }
      case 'disable': {
        const status = await call<SyncStatus>('sync.disable', {})
        if (json) console.log(JSON.stringify(status, null, 2))
        else console.log('Sync is off. This library and the sync folder are kept as they are.')
        return 0
      }
      case 'now':
        return printReport(await call<SyncReport>('sync.now', {}), json, 'Synced.')
      case 'status':
      case undefined: {
        const status = await call<SyncStatus>('sync.status', {})
        if (json) console.log(JSON.stringify(status, null, 2))
        else console.log(terminalSafe(describeStatus(status)))
        return 0
      }
      default:
        throw new UsageError(`unknown sync command "${verb}" (enable, status, now, disable)`)
    }
  } finally {
    await close()
  }
}

function printReport(report: SyncReport, json: boolean, headline: string): number {
  if (json) {
    console.log(JSON.stringify(report, null, 2))
    return 0
  }
  console.log(
    terminalSafe(
      `${headline} ${report.written} changes written, ${report.applied} read from other devices, ` +
        `${articleCount(report.articlesArrived)} arrived.\n${describeStatus(report.status)}`,
    ),
  )
  return 0
}

export function describeStatus(status: SyncStatus): string {
  if (!status.enabled) return 'Sync is off. Turn it on with: dateline sync enable FOLDER'
  const lines = [
    `Sync folder: ${status.folder}`,
    `This device: ${status.device?.name} (${status.device?.id})`,
    ...(status.devices.length === 0
      ? ['No other device has written to the folder yet.']
      : status.devices.map(
          (d) => `  ${d.name} (${d.id}): ${d.changes} changes, last ${d.lastChangeAt ?? 'none yet'}`,
        )),
  ]
  if (status.waiting > 0) lines.push(`${status.waiting} changes made here wait to be written.`)
  if (status.articlesToCome > 0) lines.push(`${status.articlesToCome} articles are still on their way.`)
  if (status.problem) lines.push(status.problem)
  lines.push(...status.notices)
  return lines.join('\n')
}
