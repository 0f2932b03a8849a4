import type { ServicesFor } from '@shared/procedure'
import type { trashProcedures } from '@shared/trash'
import type { ServiceContext } from '../services'
import { emptyTrash, listTrash } from './trash-store'

export function trashServices(ctx: ServiceContext): ServicesFor<typeof trashProcedures> {
  return {
    'trash.list': async ({ offset, limit }) => listTrash(ctx.library, offset, limit),
    'trash.empty': async ({ ids }) => ({ removed: await emptyTrash(ctx.library, ids) }),
  }
}
