import type { ServicesFor } from '@shared/procedure'
import type { syncthingProcedures } from '@shared/syncthing'
import { DatelineError } from '@shared/errors'
import type { ServiceContext } from '../services'
import { addFolderToSyncthing, findSyncthing } from './syncthing-api'
import { syncEngineOf } from './sync-services'

/** The Syncthing procedures (src/shared/syncthing.ts); nothing is sent to Syncthing unless asked. */
export function syncthingServices(ctx: ServiceContext): ServicesFor<typeof syncthingProcedures> {
  return {
    'syncthing.detect': async ({ apiKey, address }) => (await findSyncthing({ apiKey, address })).presence,
    'syncthing.addFolder': async ({ apiKey, address }) => {
      const folder = syncEngineOf(ctx).status().folder
      if (!folder) {
        throw new DatelineError(
          'INVALID_INPUT',
          'Turn sync on with a folder first; then Syncthing can share it.',
        )
      }
      const { presence, access } = await findSyncthing({ apiKey, address })
      if (!access || !presence.deviceId) {
        throw new DatelineError('NOT_FOUND', presence.problem ?? 'Syncthing is not running on this computer.')
      }
      return addFolderToSyncthing(access, presence.deviceId, folder)
    },
  }
}
