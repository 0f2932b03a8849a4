import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { ArticleSummary } from '@shared/article'

/** A fresh, empty folder of this test's own under the system temp folder. */
export function makeTempDir(prefix = 'dateline-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export function removeDir(path: string | undefined): Promise<void> {
  return path ? rm(path, { recursive: true, force: true }) : Promise.resolve()
}

/** Every file under a folder, as sorted paths relative to it. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

let counter = 0

/** A valid article summary; `id` decides the shard (first two hex digits). */
export function makeSummary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  counter++
  const id = overrides.id ?? `${counter.toString(16).padStart(4, '0')}${'0'.repeat(12)}`.slice(0, 16)
  return {
    id,
    source: 'url',
    url: `https://news.example/${id}`,
    canonicalUrl: `https://news.example/${id}`,
    fileName: null,
    title: `Article ${id}`,
    byline: 'By Ann Writer',
    correspondents: [{ name: 'Ann Writer', kind: 'person' }],
    countries: [{ code: 'BY', name: 'Belarus', role: 'primary', score: 0.9 }],
    siteName: 'News Example',
    lang: 'en',
    excerpt: 'An excerpt.',
    publishedAt: '2024-05-01T10:00:00.000Z',
    addedAt: '2024-05-02T10:00:00.000Z',
    updatedAt: '2024-05-02T10:00:00.000Z',
    wordCount: 420,
    readingMinutes: 2,
    leadImage: null,
    read: false,
    starred: false,
    archived: false,
    ...overrides,
  }
}

/** A 16-hex-digit id that starts with the given shard key. */
export function idInShard(shard: string, n: number): string {
  return `${shard}${n.toString(16).padStart(14, '0')}`
}
