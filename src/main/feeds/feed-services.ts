import type { ServicesFor } from '@shared/procedure'
import type { feedsProcedures } from '@shared/feeds'
import type { ServiceContext } from '../services'

/** The feeds procedures of the service table (see src/shared/feeds.ts). */
export function feedServices(_ctx: ServiceContext): ServicesFor<typeof feedsProcedures> {
  return {}
}
