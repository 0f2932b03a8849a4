import type { ProcedureTable, ServicesFor } from '@shared/procedure'

/**
 * One load shared by every caller; a failed load is forgotten, so the next call tries again
 * (a module that failed to import once is not taken for broken forever).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    })
    return loading
  }
}

/**
 * Stands in for a feature's services until one of its procedures is first called, and only then
 * imports the feature's module (`load` is a dynamic `import()`) and makes its services. A window's
 * first page needs the list and the counts; loading the code that reads pages, writes zips or
 * parses exports (megabytes of JavaScript) before it made the cold open several times slower.
 * The names come from the feature's procedure table in src/shared, so the service table is
 * complete before anything is loaded, and a failed load fails only the call that needed it.
 */
export function lazyServices<P extends ProcedureTable>(
  procedures: P,
  load: () => Promise<ServicesFor<P>>,
): ServicesFor<P> {
  const loaded = loadOnce(load)
  const table: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const name of Object.keys(procedures)) {
    table[name] = async (input) => {
      const services = (await loaded()) as Record<string, (input: unknown) => Promise<unknown>>
      return services[name]!(input)
    }
  }
  return table as ServicesFor<P>
}
