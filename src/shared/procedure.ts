import { z } from 'zod'

/**
 * How a procedure of the API is declared: its input schema, its result schema and one line for
 * the person reading the API. Each feature declares its procedures in its own file of src/shared
 * with `procedure`, and src/shared/contract.ts joins them into the one contract.
 */
export interface Procedure<I extends z.ZodType, O extends z.ZodType> {
  input: I
  output: O
  summary: string
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): Procedure<I, O> {
  return { input, output, summary }
}

/** The input of a procedure that takes nothing. */
export const Empty = z.object({}).strict().default({})

export type ProcedureTable = Record<string, Procedure<z.ZodType, z.ZodType>>
export type EventTable = Record<string, z.ZodType>

/** What implements a table of procedures: input already validated by its schema. */
export type ServicesFor<P extends ProcedureTable> = {
  [K in keyof P]: (input: z.output<P[K]['input']>) => Promise<z.infer<P[K]['output']>>
}
