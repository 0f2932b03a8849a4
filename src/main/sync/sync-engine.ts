import { watch, type FSWatcher } from 'node:fs'
import { resolve } from 'node:path'
import { StoredArticleMetadata } from '@shared/article'
import { DatelineError } from '@shared/errors'
import type { SyncReport, SyncStatus } from '@shared/sync'
import type { EventBus } from '../api/event-bus'
import { MAX_MEDIA_BYTES } from '../library/confined-files'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'
import { createLimiter } from '../feeds/limiter'
import {
  applyChange,
  applyMembers,
  applyStatesOf,
  collectionsWithMembers,
  emptyFollowups,
  type Followups,
} from './apply-changes'
import {
  afterCorrespondentChanges,
  applyBylineOf,
  changedBylines,
  changedMerges,
} from './correspondent-changes'
import { HybridClock, parseClock } from './hlc'
import { changedHighlights } from './highlight-changes'
import { reindexMarked } from '../highlights/highlight-index'
import {
  changedCollections,
  changedCountryEdits,
  changedFeeds,
  changedFollows,
  changedStates,
  deletedArticles,
  type LocalChange,
} from './local-changes'
import { encodeChange, splitLines, type Change } from './log-line'
import { dueForPublishing, LookScope, type Scope } from './look-scope'
import {
  appendLog,
  articleFileOf,
  checkedMediaPath,
  folderProblem,
  listLogFiles,
  logFileOf,
  MAX_ARTICLE_FILE_BYTES,
  prepareSyncFolder,
  readLogFrom,
  readSyncFile,
  sha256Of,
  writeOnce,
} from './sync-folder'
import {
  ensureConfig,
  mergeRegister,
  noteEvent,
  readConfig,
  registerOf,
  updateConfig,
  type SyncConfig,
} from './sync-store'
import { statusOf } from './sync-status'

/** Changes applied per transaction: each transaction is a few fsyncs, so 100k changes are 50, not 100k. */
const APPLY_BATCH = 2000
const PUBLISH_BATCH = 100
const ARRIVAL_BATCH = 200
const ARRIVALS_AT_ONCE = 4
/** Arrivals told one by one in the Settings; the rest of a large first sync as one line. */
const MAX_ARRIVALS_TOLD = 20
/** Between scans of the folder while the app or serve runs; the watcher makes most of them sooner. */
const SCAN_EVERY_MS = 10_000
/** A change here is written to the folder this soon after the last one. */
const RECORD_AFTER_MS = 150
/** How long a device refreshes a feed alone; one that stops leaves it to run out. */
const LEASE_MS = 2 * 60 * 60 * 1000
const LEASE_RENEW_MS = 60 * 60 * 1000
const MEDIA_REFERENCE = /media\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z0-9]{1,5}/g

interface Arrival {
  id: string
  sha: string
  updatedAt: string
  title: string
}

export interface SyncEngineOptions {
  library: LibraryStore
  events?: EventBus
  now?: () => Date
  /** Scan on changes in the folder and every SCAN_EVERY_MS (the app and serve). */
  scanEveryMs?: number
}

/**
 * Sync of one library through its sync folder: records what changed here into this device's log,
 * reads the others' logs and applies them (docs/sync.md). Every operation takes its turn, so a
 * scan never runs during another.
 */
export class SyncEngine {
  private turn: Promise<unknown> = Promise.resolve()
  private clock: HybridClock | null = null
  private stateCursor: string | null = null
  private readonly scope = new LookScope(() => Date.now())
  private announcing = false
  private recordTimer: NodeJS.Timeout | null = null
  private scanTimer: NodeJS.Timeout | null = null
  private watcher: FSWatcher | null = null
  private stopped = false
  private readonly library: LibraryStore
  private readonly now: () => Date

  constructor(private readonly options: SyncEngineOptions) {
    this.library = options.library
    this.now = options.now ?? ((): Date => new Date())
  }

  // ---- Settings

  status(): SyncStatus {
    return this.library.query((db) => statusOf(db))
  }

  enable(folder: string, deviceName?: string): Promise<SyncReport> {
    return this.inTurn(async () => {
      const root = resolve(folder)
      if (isInside(root, this.library.path) || isInside(this.library.path, root)) {
        throw new DatelineError(
          'INVALID_INPUT',
          'The sync folder must be apart from the library folder: the library database must never be synced.',
        )
      }
      await prepareSyncFolder(root).catch((error: unknown) => {
        if (error instanceof DatelineError) throw error
        throw new DatelineError('INVALID_INPUT', folderProblem(error, root))
      })
      this.library.change((db) => {
        const config = ensureConfig(db)
        // Another folder is another set of logs: everything is read (and recorded) again.
        if (config.folder !== root) {
          db.run('DELETE FROM sync_log_files')
          db.run('DELETE FROM sync_published')
          updateConfig(db, { lastScanAt: '' })
        }
        updateConfig(db, {
          folder: root,
          enabled: true,
          problem: null,
          ...(deviceName ? { deviceName } : {}),
        })
      })
      this.stateCursor = ''
      this.scope.note('all')
      return this.runSync()
    })
  }

  disable(): Promise<SyncStatus> {
    return this.inTurn(async () => {
      this.library.change((db) => updateConfig(db, { enabled: false }))
      this.stopWatching()
      return this.status()
    })
  }

  rename(deviceName: string): Promise<SyncStatus> {
    return this.inTurn(async () => {
      this.library.change((db) => {
        ensureConfig(db)
        updateConfig(db, { deviceName })
      })
      if (this.enabledConfig()) await this.recordAndWrite()
      return this.status()
    })
  }

  /** Writes what changed here and reads what the others wrote. */
  syncNow(): Promise<SyncReport> {
    return this.inTurn(async () => {
      if (!this.enabledConfig()) {
        throw new DatelineError(
          'INVALID_INPUT',
          'Sync is off for this library: turn it on with `dateline sync enable FOLDER`.',
        )
      }
      return this.runSync()
    })
  }

  /**
   * The feeds this device refreshes on schedule: those no other device holds a lease on. Taking a
   * lease is a change like any other, so the others see it at their next scan and leave the feed.
   */
  claimFeeds(urls: string[]): Set<string> {
    const config = this.enabledConfig()
    if (!config) return new Set(urls)
    const clock = this.hlc(config)
    const now = this.now().getTime()
    const claimed = new Set<string>()
    this.library.change((db) => {
      for (const url of urls) {
        const key = `lease/${encodeURIComponent(url)}`
        const lease = registerOf(db, key)?.value
        const holder = lease && typeof lease === 'object' && !Array.isArray(lease) ? lease : null
        const until = holder && typeof holder.until === 'number' ? holder.until : 0
        if (holder && holder.device !== config.device && until > now) continue
        claimed.add(url)
        if (holder?.device === config.device && until - now > LEASE_RENEW_MS) continue
        record(db, clock, { key, value: { device: config.device, until: now + LEASE_MS } })
      }
      updateConfig(db, { clock: clock.latest })
    })
    this.noteLocalChange()
    return claimed
  }

  /** Something changed here (a window, the CLI, a feed): written to the log shortly. */
  noteLocalChange(articles: Scope = 'all'): void {
    if (this.announcing) return
    this.scope.note(articles)
    if (this.stopped || !this.enabledConfig()) return
    if (this.recordTimer) clearTimeout(this.recordTimer)
    this.recordTimer = setTimeout(() => {
      this.recordTimer = null
      void this.inTurn(() => this.recordAndWrite()).catch(() => undefined)
    }, RECORD_AFTER_MS)
  }

  /** The app and serve: scan when the folder changes, and every so often whatever happens. */
  start(): void {
    if (this.stopped || !this.enabledConfig()) return
    this.startWatching()
    void this.inTurn(() => this.runSync()).catch(() => undefined)
  }

  /** Before the library closes: what changed here is written, then nothing more runs. */
  async stop(): Promise<void> {
    if (this.recordTimer) clearTimeout(this.recordTimer)
    this.recordTimer = null
    this.stopWatching()
    if (!this.stopped && this.enabledConfig())
      await this.inTurn(() => this.recordAndWrite()).catch(() => undefined)
    this.stopped = true
    await this.turn.catch(() => undefined)
  }

  // ---- The work

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn
      .catch(() => undefined)
      .then(() => {
        if (this.stopped) throw new DatelineError('INTERNAL', 'Sync has stopped: the library is closing.')
        return work()
      })
    this.turn = next
    return next
  }

  private enabledConfig(): (SyncConfig & { folder: string }) | null {
    const config = this.library.query((db) => readConfig(db))
    return config?.enabled && config.folder ? (config as SyncConfig & { folder: string }) : null
  }

  private hlc(config: SyncConfig): HybridClock {
    if (!this.clock || this.clock.device !== config.device) {
      this.clock = new HybridClock(config.device, () => this.now().getTime(), config.clock || undefined)
    }
    return this.clock
  }

  private async runSync(): Promise<SyncReport> {
    const written = await this.recordAndWrite()
    const { applied, articlesArrived } = await this.readOthers()
    // Reading may have made room for changes here (a membership of an article that just arrived).
    const more = await this.recordAndWrite()
    if (applied > 0) {
      // What arrived may be anything: the window reloads its list, collections and people. Those
      // events are not changes made here, so they start no look (their registers are written).
      this.announcing = true
      try {
        this.options.events?.emit('library.changed', { ids: [] })
        this.options.events?.emit('collections.changed', { ids: [] })
        this.options.events?.emit('correspondents.changed', { ids: [] })
        this.options.events?.emit('sync.changed', { applied })
        if ((await reindexMarked(this.library)) > 0)
          this.options.events?.emit('highlights.changed', { articleIds: [] })
      } finally {
        this.announcing = false
      }
    }
    return { applied, written: written + more, articlesArrived, status: this.status() }
  }

  /** Finds what changed here, gives it clocks, and appends it to this device's log. */
  private async recordAndWrite(): Promise<number> {
    const config = this.enabledConfig()
    if (!config) return 0
    const clock = this.hlc(config)
    const started = this.now()
    const scope = this.scope.take()
    try {
      await this.publishArticles(config, clock, scope)
    } catch (error) {
      this.scope.failed()
      throw error
    }
    const since = this.stateCursor ?? config.lastScanAt ?? ''
    this.library.change((db) => {
      const changes: LocalChange[] = [
        { key: `device/${config.device}`, value: { name: config.deviceName } },
        ...deletedArticles(db, scope),
        ...changedStates(db, since),
        ...changedCollections(db, config.device.slice(-3)),
        ...changedFollows(db),
        ...changedFeeds(db),
        ...changedCountryEdits(db),
        ...changedBylines(db, scope),
        ...changedMerges(db),
        ...changedHighlights(db),
      ].filter((c) => c.key !== `device/${config.device}` || !sameRegister(db, c))
      for (const change of changes) {
        record(db, clock, change)
        if (change.key.startsWith('article/') && change.value === null) {
          db.run('DELETE FROM sync_published WHERE article = ?', [change.key.slice('article/'.length)])
        }
      }
      // A little overlap: a state changed in the same millisecond as the look is found next time too.
      const cursor = new Date(started.getTime() - 2000).toISOString()
      updateConfig(db, { clock: clock.latest, lastScanAt: cursor })
    })
    this.stateCursor = new Date(started.getTime() - 2000).toISOString()
    return this.writeOutbox(config)
  }

  /**
   * New and re-captured articles: their file (and pictures) go to the folder first, then the change
   * that names them, as the library writes a body before the row.
   */
  private async publishArticles(
    config: SyncConfig & { folder: string },
    clock: HybridClock,
    scope: Scope,
  ): Promise<void> {
    for (;;) {
      const due = this.library.query((db) => dueForPublishing(db, scope, PUBLISH_BATCH))
      if (due.length === 0) return
      const published: { id: string; updatedAt: string; sha: string }[] = []
      for (const { id } of due) {
        const article = await this.library.readArticle(id).catch(() => null)
        if (!article) continue
        const { html, text, read: _r, starred: _s, archived: _a, ...metadata } = article
        const file = JSON.stringify({ format: 1, article: metadata, html, text })
        const sha = sha256Of(file)
        try {
          for (const media of new Set([
            ...(html.match(MEDIA_REFERENCE) ?? []),
            ...(metadata.leadImage ? [metadata.leadImage] : []),
          ])) {
            const checked = checkedMediaPath(media)
            const bytes = checked ? await this.library.media.read(checked.relative) : null
            if (checked && bytes) await writeOnce(config.folder, checked.relative, bytes)
          }
          await writeOnce(config.folder, articleFileOf(sha), file)
        } catch (error) {
          this.library.change((db) => updateConfig(db, { problem: folderProblem(error, config.folder) }))
          return
        }
        published.push({ id, updatedAt: metadata.updatedAt, sha })
      }
      this.library.change((db) => {
        for (const p of published) {
          db.run(
            `INSERT INTO sync_published (article, updated_at, sha) VALUES (?, ?, ?)
             ON CONFLICT (article) DO UPDATE SET updated_at = excluded.updated_at, sha = excluded.sha`,
            [p.id, p.updatedAt, p.sha],
          )
          const current = registerOf(db, `article/${p.id}`)?.value
          if (!(current && typeof current === 'object' && !Array.isArray(current) && current.sha === p.sha)) {
            record(db, clock, { key: `article/${p.id}`, value: { sha: p.sha } })
          }
          for (const change of changedStates(db, '', [p.id])) record(db, clock, change)
        }
        updateConfig(db, { clock: clock.latest })
      })
      if (published.length < due.length) return
    }
  }

  /** Appends the outbox to this device's logs, a file per day of the change's clock. */
  private async writeOutbox(config: SyncConfig & { folder: string }): Promise<number> {
    const waiting = this.library.query((db) =>
      db.all<{ seq: number; clock: string; line: string }>(
        'SELECT seq, clock, line FROM sync_outbox ORDER BY seq',
      ),
    )
    if (waiting.length === 0) return 0
    const byDay = new Map<string, typeof waiting>()
    for (const row of waiting) {
      const day = new Date(parseClock(row.clock)?.millis ?? this.now().getTime()).toISOString().slice(0, 10)
      byDay.set(day, [...(byDay.get(day) ?? []), row])
    }
    let written = 0
    for (const [day, rows] of byDay) {
      try {
        await prepareSyncFolder(config.folder)
        await appendLog(config.folder, logFileOf(config.device, day), rows.map((r) => r.line).join(''))
      } catch (error) {
        this.library.change((db) => updateConfig(db, { problem: folderProblem(error, config.folder) }))
        return written
      }
      this.library.change((db) => {
        db.run('DELETE FROM sync_outbox WHERE seq <= ?', [rows.at(-1)!.seq])
        updateConfig(db, { problem: null })
      })
      written += rows.length
    }
    return written
  }

  /** Reads what is new in the other devices' logs and applies it, a batch per transaction. */
  private async readOthers(): Promise<{ applied: number; articlesArrived: number }> {
    const config = this.enabledConfig()
    if (!config) return { applied: 0, articlesArrived: 0 }
    const clock = this.hlc(config)
    let applied = 0
    const followups = emptyFollowups()
    // This device's own logs too: nothing to do when the library has them (same clocks), and what a
    // restored backup or a rebuilt database lacks comes back from them.
    for (const log of await listLogFiles(config.folder)) {
      applied += await this.readLog(config, clock, log.file, log.device, followups)
    }
    const articlesArrived = await this.afterApplying(config, followups)
    this.library.change((db) => updateConfig(db, { clock: clock.latest }))
    return { applied, articlesArrived }
  }

  private async readLog(
    config: SyncConfig & { folder: string },
    clock: HybridClock,
    file: string,
    device: string,
    followups: Followups,
  ): Promise<number> {
    let applied = 0
    for (;;) {
      const known = this.library.query((db) =>
        db.get<{ offset: number; tail: string }>('SELECT offset, tail FROM sync_log_files WHERE file = ?', [
          file,
        ]),
      )
      let offset = known?.offset ?? 0
      if (offset > 0 && !(await this.sameTail(config.folder, file, known!))) offset = 0
      const bytes = await readLogFrom(config.folder, file, offset)
      if (!bytes || bytes.length === 0) return applied
      const chunk = splitLines(bytes)
      if (chunk.lines.length === 0) return applied
      const at = this.now().toISOString()
      let stopped = false
      let consumed = 0
      let tail = known?.tail ?? ''
      let lastClock: string | null = null
      let count = 0
      // Batches of APPLY_BATCH lines, each in one transaction with the offset it reached.
      for (let start = 0; start < chunk.lines.length && !stopped; start += APPLY_BATCH) {
        const batch = chunk.lines.slice(start, start + APPLY_BATCH)
        this.library.change((db) => {
          for (const { read, end } of batch) {
            if (read.kind === 'newer') {
              const notice = `The log ${file} was written by a newer Dateline (format ${read.version}); it is kept and read after an update.`
              db.run(
                `INSERT INTO sync_log_files (file, device, offset, tail, notice) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (file) DO UPDATE SET notice = excluded.notice`,
                [file, device, offset + consumed, tail, notice],
              )
              stopped = true
              break
            }
            const previousEnd = consumed
            consumed = end
            if (read.kind === 'damaged') {
              noteEvent(db, { at, device, kind: 'notice', key: file, detail: 'damaged line skipped' })
              tail = ''
              continue
            }
            tail = `${read.checksum}:${end - previousEnd}`
            clock.observe(read.change.clock)
            const before = db.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0
            applyChange(db, read.change, followups, at)
            if ((db.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0) > before) applied++
            lastClock = read.change.clock > (lastClock ?? '') ? read.change.clock : lastClock
            count++
          }
          db.run(
            `INSERT INTO sync_log_files (file, device, offset, tail, changes, last_clock) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (file) DO UPDATE SET offset = excluded.offset, tail = excluded.tail,
               changes = changes + excluded.changes, last_clock = coalesce(excluded.last_clock, last_clock),
               notice = CASE WHEN ? THEN notice ELSE NULL END`,
            [file, device, offset + consumed, tail, count, lastClock, stopped ? 1 : 0],
          )
          count = 0
        })
        for (const uid of followups.collections) this.library.change((db) => applyMembers(db, uid, at))
        followups.collections.clear()
      }
      if (stopped || chunk.consumed >= bytes.length) return applied
    }
  }

  /** Whether the line before `offset` is still the one read there (an engine may have replaced the file). */
  private async sameTail(
    root: string,
    file: string,
    known: { offset: number; tail: string },
  ): Promise<boolean> {
    const [checksum, length] = known.tail.split(':')
    const size = Number(length)
    if (!checksum || !Number.isInteger(size) || size <= 0 || size > known.offset) return known.tail === ''
    const bytes = await readLogFrom(root, file, known.offset - size)
    if (!bytes || bytes.length < size) return false
    const line = splitLines(bytes.subarray(0, size)).lines[0]
    return line?.read.kind === 'change' && line.read.checksum === checksum
  }

  /** Deletions, then the articles whose files are here, then the collections they belong to. */
  private async afterApplying(
    config: SyncConfig & { folder: string },
    followups: Followups,
  ): Promise<number> {
    for (const id of followups.deletions) {
      await this.library.deleteArticle(id).catch(() => undefined)
      this.library.change((db) => db.run('DELETE FROM sync_published WHERE article = ?', [id]))
    }
    const pending = this.library.query((db) =>
      db.all<{ article: string; sha: string }>('SELECT article, sha FROM sync_pending'),
    )
    let arrived = 0
    const at = this.now().toISOString()
    // Stored a few at a time (each is files and a transaction, fsynced), bookkept a batch per transaction.
    for (let start = 0; start < pending.length; start += ARRIVAL_BATCH) {
      const batch = pending.slice(start, start + ARRIVAL_BATCH)
      const stored: Arrival[] = []
      const turn = createLimiter(ARRIVALS_AT_ONCE)
      await Promise.all(
        batch.map(({ article, sha }) =>
          turn(async () => {
            const done = await this.storeArrival(config, article, sha)
            if (done) stored.push(done)
          }),
        ),
      )
      this.library.change((db) => {
        for (const a of stored) {
          applyStatesOf(db, a.id)
          applyBylineOf(db, a.id, followups.correspondents)
          db.run('DELETE FROM sync_pending WHERE article = ? AND sha = ?', [a.id, a.sha])
          db.run(
            `INSERT INTO sync_published (article, updated_at, sha) VALUES (?, ?, ?)
             ON CONFLICT (article) DO UPDATE SET updated_at = excluded.updated_at, sha = excluded.sha`,
            [a.id, a.updatedAt, a.sha],
          )
        }
        const told = stored.slice(0, MAX_ARRIVALS_TOLD)
        for (const a of told)
          noteEvent(db, { at, device: '', kind: 'arrived', key: `article/${a.id}`, detail: a.title })
        if (stored.length > told.length) {
          noteEvent(db, {
            at,
            device: '',
            kind: 'arrived',
            key: 'articles',
            detail: `${stored.length - told.length} more articles`,
          })
        }
        if (stored.length > 0) for (const uid of collectionsWithMembers(db)) applyMembers(db, uid, at)
      })
      arrived += stored.length
    }
    await afterCorrespondentChanges(this.library, followups.correspondents, this.now())
    return arrived
  }

  /** One article from the folder, checked as if it came from the web; false while its file is not here. */
  private async storeArrival(
    config: SyncConfig & { folder: string },
    id: string,
    sha: string,
  ): Promise<Arrival | null> {
    const bytes = await readSyncFile(config.folder, articleFileOf(sha), MAX_ARTICLE_FILE_BYTES)
    if (!bytes) return null
    const parsed = sha256Of(bytes) === sha ? parseArticleFile(bytes.toString('utf8')) : null
    if (!parsed || parsed.article.id !== id) {
      this.library.change((db) => {
        db.run('DELETE FROM sync_pending WHERE article = ?', [id])
        noteEvent(db, {
          at: this.now().toISOString(),
          device: '',
          kind: 'notice',
          key: `article/${id}`,
          detail: 'unreadable article file',
        })
      })
      return null
    }
    for (const media of new Set(parsed.html.match(MEDIA_REFERENCE) ?? [])) {
      const checked = checkedMediaPath(media)
      const picture = checked ? await readSyncFile(config.folder, checked.relative, MAX_MEDIA_BYTES) : null
      // A picture is stored only under the name its bytes give: a file changed on the way is left out.
      if (checked && picture && sha256Of(picture) === checked.sha) {
        await this.library.media.store(picture, checked.relative.split('.').at(-1)!)
      }
    }
    // sanitize-html is loaded by the first article another device sent, not with the library.
    const { sanitizeStoredHtml } = await import('../ingest/sanitize')
    const html = sanitizeStoredHtml(parsed.html)
    const leadImage =
      parsed.article.leadImage && checkedMediaPath(parsed.article.leadImage) ? parsed.article.leadImage : null
    await this.library.putArticle(
      { ...parsed.article, leadImage, read: false, starred: false, archived: false },
      { html, text: parsed.text },
    )
    return { id, sha, updatedAt: parsed.article.updatedAt, title: parsed.article.title }
  }

  private startWatching(): void {
    const config = this.enabledConfig()
    if (!config || this.watcher || this.scanTimer) return
    const scan = (): void => {
      if (!this.stopped) void this.inTurn(() => this.runSync()).catch(() => undefined)
    }
    let soon: NodeJS.Timeout | null = null
    try {
      this.watcher = watch(`${config.folder}/logs`, { recursive: true }, () => {
        if (soon) return
        soon = setTimeout(() => {
          soon = null
          scan()
        }, 100)
      })
      this.watcher.on('error', () => this.watcher?.close())
    } catch {
      this.watcher = null
    }
    this.scanTimer = setInterval(scan, this.options.scanEveryMs ?? SCAN_EVERY_MS)
    this.scanTimer.unref()
  }

  private stopWatching(): void {
    this.watcher?.close()
    this.watcher = null
    if (this.scanTimer) clearInterval(this.scanTimer)
    this.scanTimer = null
  }
}

function record(db: SqlDatabase, clock: HybridClock, change: LocalChange): void {
  const made: Change = { clock: clock.tick(), key: change.key, value: change.value }
  mergeRegister(db, made)
  db.run('INSERT INTO sync_outbox (clock, line) VALUES (?, ?)', [made.clock, encodeChange(made)])
}

function sameRegister(db: SqlDatabase, change: LocalChange): boolean {
  const current = registerOf(db, change.key)
  return current !== undefined && JSON.stringify(current.value) === JSON.stringify(change.value)
}

function parseArticleFile(
  text: string,
): { article: StoredArticleMetadata; html: string; text: string } | null {
  try {
    const raw = JSON.parse(text) as { format?: unknown; article?: unknown; html?: unknown; text?: unknown }
    if (raw.format !== 1 || typeof raw.html !== 'string' || typeof raw.text !== 'string') return null
    const article = StoredArticleMetadata.safeParse(raw.article)
    return article.success ? { article: article.data, html: raw.html, text: raw.text } : null
  } catch {
    return null
  }
}

function isInside(child: string, parent: string): boolean {
  const a = resolve(child)
  const b = resolve(parent)
  return a === b || a.startsWith(`${b}/`) || a.startsWith(`${b}\\`)
}
