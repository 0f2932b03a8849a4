import { join } from 'node:path'
import { assertArticleId } from './confined-files'

/**
 * Where each thing lives inside a library folder:
 *
 *   library.json                 manifest: format, schema version
 *   settings.json                reader settings
 *   meta/<00..ff>.json           article metadata, sharded by the first two hex digits of the id
 *   meta/head.json               derived: the newest 200 articles and the counts, for a fast first page
 *   trash.json                   articles deleted in this session (undo), purged at the next open
 *   articles/<id[0:2]>/<id>/     <revision>.html (sanitised) and <revision>.txt, revision = updatedAt
 *   media/<hash[0:2]>/<sha256>.<ext>   images, content-addressed, shared between articles
 *
 * Sharding keeps a state change to one small file: at 100,000 articles a shard holds ~400 entries.
 */
export const SHARD_COUNT = 256

export interface LibraryLayout {
  root: string
  manifest: string
  settings: string
  lock: string
  /** How a running Dateline that holds the lock can be reached by the CLI (see serve/local-endpoint.ts). */
  endpoint: string
  trash: string
  metaDir: string
  /** The first page of the list and the counts, so a large library shows its newest articles at once. */
  head: string
  articlesDir: string
  mediaDir: string
}

export function libraryLayout(root: string): LibraryLayout {
  return {
    root,
    manifest: join(root, 'library.json'),
    settings: join(root, 'settings.json'),
    lock: join(root, 'library.lock'),
    endpoint: join(root, 'library.endpoint'),
    trash: join(root, 'trash.json'),
    metaDir: join(root, 'meta'),
    head: join(root, 'meta', 'head.json'),
    articlesDir: join(root, 'articles'),
    mediaDir: join(root, 'media'),
  }
}

export function shardKey(articleId: string): string {
  return articleId.slice(0, 2)
}

export function shardKeys(): string[] {
  return Array.from({ length: SHARD_COUNT }, (_, i) => i.toString(16).padStart(2, '0'))
}

export function shardPath(layout: LibraryLayout, key: string): string {
  return join(layout.metaDir, `${key}.json`)
}

/** Throws for anything but an article id: ids come back from files that may have been crafted. */
export function articleDir(layout: LibraryLayout, articleId: string): string {
  assertArticleId(articleId)
  return join(layout.articlesDir, articleId.slice(0, 2), articleId)
}

/** Which stored copy of an article's body its metadata points at. */
export interface BodyRef {
  id: string
  /** Each capture gets its own body files, named after this, so a re-capture never overwrites the copy in use. */
  updatedAt: string
}

export function bodyRevision(updatedAt: string): string {
  return updatedAt.replace(/[^0-9TZ]/g, '')
}

export function articleHtmlPath(layout: LibraryLayout, ref: BodyRef): string {
  return join(articleDir(layout, ref.id), `${bodyRevision(ref.updatedAt)}.html`)
}

export function articleTextPath(layout: LibraryLayout, ref: BodyRef): string {
  return join(articleDir(layout, ref.id), `${bodyRevision(ref.updatedAt)}.txt`)
}

/** `media/ab/<sha256>.jpg`: the form stored in article HTML, relative to the library root. */
export function mediaRelativePath(sha256: string, extension: string): string {
  return `media/${sha256.slice(0, 2)}/${sha256}.${extension}`
}
