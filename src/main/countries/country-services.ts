import type { ServicesFor } from '@shared/procedure'
import type { countriesProcedures } from '@shared/countries'
import type { ServiceContext } from '../services'

/** The countries procedures of the service table (see src/shared/countries.ts). */
export function countryServices(_ctx: ServiceContext): ServicesFor<typeof countriesProcedures> {
  return {}
}
