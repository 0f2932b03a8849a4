import { randomBytes, timingSafeEqual } from 'node:crypto'
import { lookup } from 'node:dns/promises'
import type { IncomingMessage } from 'node:http'
import { isIP, isIPv4 } from 'node:net'
import { DatelineError } from '@shared/errors'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function sameToken(given: string | undefined | null, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function bearerToken(request: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null
}

/**
 * Accepts only the names this host is reached by, so a web page on another site cannot talk to it
 * through DNS rebinding even if it guessed the port.
 */
export function allowedHost(hostHeader: string | undefined, port: number, boundHost: string): boolean {
  if (!hostHeader) return false
  // Bound to another address on purpose: people reach it by names we cannot know in advance.
  if (!isLoopback(boundHost)) return true
  const names = [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    `[::1]:${port}`,
    `${hostForUrl(boundHost)}:${port}`,
  ]
  return names.includes(hostHeader.toLowerCase())
}

/** How an address is written in a URL: IPv6 in brackets. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

/**
 * Whether an address (not a name: a name may resolve anywhere, see resolveListenAddress) is one of
 * this machine's loopback addresses: 127.0.0.0/8, ::1, or 127.x written as IPv4-mapped IPv6.
 */
export function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase()
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare
  return isIPv4(v4) && v4.startsWith('127.')
}

/**
 * The address to listen on for what the person typed after --host: a name is resolved once, here,
 * and the server listens on the address itself, so the loopback check and the socket agree.
 */
export async function resolveListenAddress(
  host: string,
  resolveName: (name: string) => Promise<{ address: string }[]> = (name) => lookup(name, { all: true }),
): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '')
  if (isIP(bare)) return bare
  let found: { address: string }[]
  try {
    found = await resolveName(host)
  } catch {
    found = []
  }
  if (found.length === 0) {
    throw new DatelineError('INVALID_INPUT', `${host} is not a name or address this machine can find.`)
  }
  // A name with a loopback address and another one is not loopback: take the first outside one.
  return (found.find((entry) => !isLoopback(entry.address)) ?? found[0]!).address
}
