import { join } from 'node:path'
import { assertArticleId } from './confined-files'

/**
 * Where each thing lives inside a library folder:
 *
 *   library.json                 manifest: format, schema version
 *   settings.json                reader settings
 *   extensions.json              browser extensions paired with this library (token hashes)
 *   library.db                   SQLite: article metadata, states, relations, counts, full-text index
 *   correspondent-edits.json     the person's merges and follows of correspondents, by key (read by rebuild)
 *   library.db.lock/             the SQLite build's own lock (a directory; see database.ts)
 *   backups/library-<date>.db    daily copies of library.db (VACUUM INTO), the newest 7 kept
 *   articles/<id[0:2]>/<id>/     <revision>.html (sanitised), <revision>.txt and <revision>.json
 *                                (the metadata, so `dateline rebuild` can recreate library.db);
 *                                revision = updatedAt; correspondents.json when the person
 *                                edited who wrote it (kept across captures, read by rebuild)
 *   media/<hash[0:2]>/<sha256>.<ext>   images, content-addressed, shared between articles
 *
 * Schema 1 (before the database) kept metadata in meta/<00..ff>.json shards and trash.json; those
 * are read once by the migration (legacy-json-library.ts) and removed when it is complete.
 */
export const SHARD_COUNT = 256

export interface LibraryLayout {
  root: string
  manifest: string
  settings: string
  /** The paired browser extensions (see extension/paired-extensions.ts). */
  extensions: string
  lock: string
  /** How a running Dateline that holds the lock can be reached by the CLI (see serve/local-endpoint.ts). */
  endpoint: string
  database: string
  /** Where a migration or rebuild writes the new database before it replaces library.db. */
  databaseDraft: string
  backupsDir: string
  articlesDir: string
  mediaDir: string
  /** Schema 1 only. */
  trash: string
  metaDir: string
}

export function libraryLayout(root: string): LibraryLayout {
  return {
    root,
    manifest: join(root, 'library.json'),
    settings: join(root, 'settings.json'),
    extensions: join(root, 'extensions.json'),
    lock: join(root, 'library.lock'),
    endpoint: join(root, 'library.endpoint'),
    database: join(root, 'library.db'),
    databaseDraft: join(root, 'library.db.draft'),
    backupsDir: join(root, 'backups'),
    articlesDir: join(root, 'articles'),
    mediaDir: join(root, 'media'),
    trash: join(root, 'trash.json'),
    metaDir: join(root, 'meta'),
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

/** The article's metadata as captured, beside its body: what `dateline rebuild` reads. */
export function articleMetadataPath(layout: LibraryLayout, ref: BodyRef): string {
  return join(articleDir(layout, ref.id), `${bodyRevision(ref.updatedAt)}.json`)
}

/** The person's own list of an article's correspondents; it outlives re-captures and rebuilds. */
export const CORRESPONDENTS_EDIT_FILE = 'correspondents.json'

export function articleCorrespondentsEditPath(layout: LibraryLayout, articleId: string): string {
  return join(articleDir(layout, articleId), CORRESPONDENTS_EDIT_FILE)
}

/** `media/ab/<sha256>.jpg`: the form stored in article HTML, relative to the library root. */
export function mediaRelativePath(sha256: string, extension: string): string {
  return `media/${sha256.slice(0, 2)}/${sha256}.${extension}`
}
