import type { ServicesFor } from '@shared/procedure'
import type { correspondentsProcedures } from '@shared/correspondents'
import type { ServiceContext } from '../services'

/** The correspondents procedures of the service table (see src/shared/correspondents.ts). */
export function correspondentServices(_ctx: ServiceContext): ServicesFor<typeof correspondentsProcedures> {
  return {}
}
