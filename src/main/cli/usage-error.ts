/** A mistake in how the command was typed: exit code 2 and a pointer to --help. */
export class UsageError extends Error {}

export function one(args: string[], message: string): string {
  if (args.length !== 1 || !args[0]) throw new UsageError(message)
  return args[0]
}

export function positiveInteger(raw: string, flag: string): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`${flag} takes a whole number`)
  return value
}
