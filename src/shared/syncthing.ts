import { z } from 'zod'
import { procedure } from './procedure'

/**
 * Finding a running Syncthing on this computer through its REST API, and, when the person asks,
 * giving it the sync folder (docs/sync.md, "With Syncthing"). Joined into src/shared/contract.ts.
 */

export const SyncthingPresence = z.object({
  found: z.boolean(),
  /** This computer's Syncthing device id, to give the other computers. */
  deviceId: z.string().nullable(),
  version: z.string().nullable(),
  /** The loopback address it answered on. */
  address: z.string().nullable(),
  /** Why it could not be reached, as a sentence; null when it simply is not running. */
  problem: z.string().nullable(),
})
export type SyncthingPresence = z.infer<typeof SyncthingPresence>

export const SyncthingFolder = z.object({
  id: z.string(),
  label: z.string(),
  path: z.string(),
  /** False when Syncthing had this folder already. */
  added: z.boolean(),
})
export type SyncthingFolder = z.infer<typeof SyncthingFolder>

/** An API key the person pastes (Syncthing → Actions → Settings → GUI), with its address. */
export const SyncthingAccessInput = z
  .object({
    apiKey: z.string().trim().min(1).max(200).optional(),
    address: z.string().trim().min(1).max(200).optional(),
  })
  .strict()

export const syncthingProcedures = {
  'syncthing.detect': procedure(
    SyncthingAccessInput,
    SyncthingPresence,
    'Whether a Syncthing runs on this computer (its config.xml, or a pasted API key)',
  ),
  'syncthing.addFolder': procedure(
    SyncthingAccessInput,
    SyncthingFolder,
    "Give this computer's Syncthing the sync folder to share, when the person asks",
  ),
} as const
