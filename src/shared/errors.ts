/**
 * Errors travel between hosts as values: a stable code a program can branch on and a sentence a
 * person can read. Never a stack trace.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_PROCEDURE',
  'NOT_FOUND',
  'BAD_URL',
  'FETCH_FAILED',
  'HTTP_ERROR',
  'TIMEOUT',
  'TOO_LARGE',
  'NOT_HTML',
  'NOT_AN_ARTICLE',
  'NOT_A_FEED',
  'EXTRACTION_FAILED',
  'LIBRARY_NEWER',
  'LIBRARY_NEEDS_UPGRADE',
  'LIBRARY_DAMAGED',
  'LIBRARY_BUSY',
  'DISK_FULL',
  'PORT_IN_USE',
  'UNAUTHORIZED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorInfo {
  code: ErrorCode
  message: string
}

export class DatelineError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatelineError'
    this.code = code
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}

export const DISK_FULL_MESSAGE =
  'The disk that holds the library is full. Free some space, then try again: nothing already stored was changed.'

/** Anything thrown becomes an ErrorInfo; unexpected errors keep their message but never their stack. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DatelineError) return error.toInfo()
  if (isErrorInfo(error)) return { code: error.code, message: error.message }
  const errno = (error as { code?: unknown } | null)?.code
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return { code: 'DISK_FULL', message: DISK_FULL_MESSAGE }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `Something went wrong inside Dateline: ${message}` }
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    (errorCodes as readonly string[]).includes((value as ErrorInfo).code) &&
    typeof (value as ErrorInfo).message === 'string'
  )
}

/** What every host returns for one call: a value or an error, never a thrown exception. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }
