/**
 * The feeds part of the API: its procedures and events, joined into src/shared/contract.ts.
 * (Filled in by the feeds issue.)
 */
export const feedsProcedures = {} as const

export const feedsEvents = {} as const
