/**
 * The collections part of the API: its procedures and events, joined into src/shared/contract.ts.
 * (Filled in by the collections issue.)
 */
export const collectionsProcedures = {} as const

export const collectionsEvents = {} as const
