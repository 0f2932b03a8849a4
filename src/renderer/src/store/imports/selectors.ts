import type { ImportJob } from '@shared/imports'

/** Captured or failed, of those queued: how far an import has gone, 0 to 1. */
export function importProgress(job: ImportJob): number {
  const { queued, done, failed } = job.counts
  return queued === 0 ? 1 : (done + failed) / queued
}

export function describeImportCounts(job: ImportJob): string {
  const c = job.counts
  const parts = [
    `${c.rows.toLocaleString()} ${c.rows === 1 ? 'article' : 'articles'} in the file`,
    `${c.queued.toLocaleString()} to capture${c.withText ? ` (${c.withText.toLocaleString()} with their text)` : ''}`,
  ]
  if (c.alreadyThere > 0) parts.push(`${c.alreadyThere.toLocaleString()} already in the library`)
  if (c.broken > 0) parts.push(`${c.broken.toLocaleString()} unreadable ${c.broken === 1 ? 'row' : 'rows'}`)
  return parts.join(' · ')
}
