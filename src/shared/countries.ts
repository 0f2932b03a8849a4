/**
 * The countries part of the API: its procedures and events, joined into src/shared/contract.ts.
 * (Filled in by the countries issue.)
 */
export const countriesProcedures = {} as const

export const countriesEvents = {} as const
