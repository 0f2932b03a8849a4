import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

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

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.')
}
