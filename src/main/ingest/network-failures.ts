/**
 * What a failed connection means, in a person's words. Node reports it as a code on the error's
 * cause (`ENOTFOUND`, `ECONNREFUSED`, a TLS code); a code shown as it is reads like a crash.
 * Codes not listed here give no reason rather than a technical one.
 */
/** A connection closed under the request: the server dropped an idle kept-alive socket, a CDN reset it. */
export const CUT_CONNECTION = /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/

const REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/, 'no site by that name was found'],
  [/^ECONNREFUSED$/, 'nothing answered at that address'],
  [CUT_CONNECTION, 'the connection was cut off'],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT)$/, 'it did not answer in time'],
  [/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/, 'this computer has no route to it (are you offline?)'],
  [
    /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT)/,
    'its security certificate is not valid',
  ],
  [/^(EPROTO|ERR_SSL_|ERR_TLS_)/, 'a secure connection could not be made'],
]

/** The code Node or undici gave a failed fetch, if any (on the error, or on its cause). */
export function failureCode(error: unknown): string | null {
  for (const value of [error, (error as { cause?: unknown } | null)?.cause]) {
    const code = (value as { code?: unknown } | null | undefined)?.code
    if (typeof code === 'string' && code !== '') return code
  }
  return null
}

/** The failure in plain words, or null when the code is not one a person would understand said so. */
export function plainNetworkReason(code: string | null): string | null {
  if (code === null) return null
  return REASONS.find(([pattern]) => pattern.test(code))?.[1] ?? null
}
