import { describe, expect, it } from 'vitest'
import { ListArticlesInput } from '@shared/contract'

function dateError(from: string): string | null {
  const parsed = ListArticlesInput.safeParse({ from })
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join('; ')
}

describe('the dates of the list filter', () => {
  it('takes a day that exists, or a time on it', () => {
    expect(dateError('2024-02-29')).toBeNull()
    expect(dateError('2026-12-04T10:30:00Z')).toBeNull()
  })

  it('refuses a day no calendar has, instead of listing nothing without a word', () => {
    expect(dateError('2026-13-45')).toMatch(/no such day/i)
    expect(dateError('2025-02-29')).toMatch(/no such day/i)
    expect(dateError('2026-04-31T08:00:00Z')).toMatch(/no such day/i)
  })
})
