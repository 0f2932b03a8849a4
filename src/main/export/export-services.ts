import { randomBytes, randomUUID } from 'node:crypto'
import type { ServicesFor } from '@shared/procedure'
import type { exportProcedures } from '@shared/export'
import type { ServiceContext } from '../services'
import { importArchive } from './archive-import'
import { ExportDownloads } from './export-downloads'
import { makeDownloadFolder, runExport } from './export-job'

/** The export procedures of the service table (see src/shared/export.ts). */
export function exportServices(ctx: ServiceContext): ServicesFor<typeof exportProcedures> {
  const running = new Map<string, AbortController>()
  const downloads = ctx.exportDownloads ?? new ExportDownloads()
  let downloadFolder: Promise<string> | null = null

  const track = <T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController()
    running.set(id, controller)
    return work(controller.signal).finally(() => running.delete(id))
  }

  return {
    'export.write': async (input) => {
      const exportId = input.exportId ?? randomUUID()
      const { result, file } = await track(exportId, (signal) =>
        runExport({
          library: ctx.library,
          input,
          exportId,
          signal,
          now: ctx.now(),
          progress: (event) => ctx.events.emit('export.progress', event),
          downloadFolder: () => (downloadFolder ??= makeDownloadFolder()),
        }),
      )
      const download = file ? downloads.offer(randomBytes(16).toString('hex'), file) : null
      return { ...result, download }
    },
    'export.cancel': async ({ id }) => {
      const controller = running.get(id)
      controller?.abort()
      return { cancelled: controller !== undefined }
    },
    'export.chooseDestination': async (input) => {
      if (!ctx.chooseExportPath) return { path: null, supported: false }
      return { path: await ctx.chooseExportPath(input), supported: true }
    },
    'export.formats': async () => ({ saveDialog: ctx.chooseExportPath !== undefined }),
    'archive.import': async (input) => {
      const importId = input.importId ?? randomUUID()
      const result = await track(importId, (signal) =>
        importArchive(input.path, {
          library: ctx.library,
          signal,
          progress: (event) => ctx.events.emit('export.progress', { ...event, id: importId }),
        }),
      )
      ctx.events.emit('library.changed', { ids: [] })
      return { importId, ...result }
    },
  }
}
