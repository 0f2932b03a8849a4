import type { ServicesFor } from '@shared/procedure'
import type { collectionsProcedures } from '@shared/collections'
import type { ServiceContext } from '../services'

/** The collections procedures of the service table (see src/shared/collections.ts). */
export function collectionServices(_ctx: ServiceContext): ServicesFor<typeof collectionsProcedures> {
  return {}
}
