/**
 * The correspondents part of the API: its procedures and events, joined into src/shared/contract.ts.
 * (Filled in by the correspondents issue.)
 */
export const correspondentsProcedures = {} as const

export const correspondentsEvents = {} as const
