import type { ServicesFor } from '@shared/procedure'
import { DatelineError } from '@shared/errors'
import type { ImportJob, importsProcedures } from '@shared/imports'
import type { ServiceContext } from '../services'
import { ImportRunner } from './import-runner'
import {
  jobExists,
  queueExport,
  readFailures,
  readJob,
  readJobs,
  requeueFailed,
  setPaused,
} from './import-store'
import { readExport } from './read-export'

/** The imports procedures of the service table (see src/shared/imports.ts). */
export function importServices(ctx: ServiceContext): ServicesFor<typeof importsProcedures> {
  const runner = new ImportRunner({
    library: ctx.library,
    extractor: ctx.extractor,
    fetch: ctx.fetch,
    now: ctx.now,
    ...(ctx.pageLimits ? { pageLimits: ctx.pageLimits } : {}),
    ...(ctx.imageLimits ? { imageLimits: ctx.imageLimits } : {}),
    ...(ctx.importConcurrency ? { concurrency: ctx.importConcurrency } : {}),
    onProgress: (job) => ctx.events.emit('imports.progress', job),
    onArticles: (ids) => ctx.events.emit('library.changed', { ids }),
  })
  ctx.background?.onStop(() => runner.stop())
  if (ctx.background?.resumeAtOpen) setImmediate(() => runner.kick())

  const job = (id: number): ImportJob => {
    const found = ctx.library.query((db) => readJob(db, id))
    if (!found) throw new DatelineError('NOT_FOUND', `There is no import ${id} in this library.`)
    return found
  }
  const changeJob = (id: number, change: Parameters<typeof ctx.library.change>[0]): ImportJob => {
    ctx.library.change((db) => {
      if (!jobExists(db, id))
        throw new DatelineError('NOT_FOUND', `There is no import ${id} in this library.`)
      change(db)
    })
    runner.kick()
    const changed = job(id)
    ctx.events.emit('imports.progress', changed)
    return changed
  }

  return {
    'imports.start': async ({ fileName, data, format }) => {
      const bytes = Buffer.from(data, 'base64')
      if (bytes.length === 0) throw new DatelineError('INVALID_INPUT', 'The file is empty.')
      const parsed = readExport(bytes, fileName, format)
      const at = ctx.now().toISOString()
      const id = ctx.library.change((db) => queueExport(db, parsed, fileName, at))
      // Rows already in the library may have joined collections: the sidebar counts changed.
      ctx.events.emit('library.changed', { ids: [] })
      runner.kick()
      return job(id)
    },
    'imports.list': async () => ({ jobs: ctx.library.query((db) => readJobs(db)) }),
    'imports.get': async ({ id }) => ({
      ...job(id),
      failures: ctx.library.query((db) => readFailures(db, id)),
    }),
    'imports.pause': async ({ id }) => changeJob(id, (db) => setPaused(db, id, true)),
    'imports.resume': async ({ id }) => changeJob(id, (db) => setPaused(db, id, false)),
    'imports.retryFailed': async ({ id }) =>
      changeJob(id, (db) => {
        requeueFailed(db, id)
        setPaused(db, id, false)
      }),
  }
}
