import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { PairedExtension } from '@shared/extension'
import { AtomicJsonFile } from '../library/json-file'
import { SerialWriter } from '../library/serial-writer'

/**
 * The browser extensions paired with this library, in `extensions.json` beside settings.json
 * (lowdb, mode 0600). Kept out of library.db on purpose: these are credentials of this machine's
 * browsers, not part of the library, so the daily backups, an archive export or a synced copy of
 * the database never carry them, and revoking one needs no schema step. Only a SHA-256 of each
 * token is stored: the file alone does not let anyone call Dateline.
 */
const StoredExtension = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().max(200),
  origin: z.string().max(300),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  pairedAt: z.string(),
  lastUsedAt: z.string().nullable(),
})
type StoredExtension = z.infer<typeof StoredExtension>

const StoredFile = z.object({ extensions: z.array(StoredExtension) })
type StoredFile = z.infer<typeof StoredFile>

/** A lastUsedAt younger than this is not rewritten: a save should not mean a settings write. */
const LAST_USED_RESOLUTION_MS = 60 * 60_000

export class PairedExtensions {
  private readonly writer: SerialWriter

  private constructor(
    private readonly db: Low<StoredFile>,
    private readonly now: () => Date,
  ) {
    this.writer = new SerialWriter(() => db.write())
  }

  static async open(path: string, now: () => Date): Promise<PairedExtensions> {
    const db = new Low<StoredFile>(new AtomicJsonFile(path), { extensions: [] })
    await db.read()
    // A file that does not parse (edited by hand, from another version) pairs nothing: the
    // extensions ask to be paired again, which is safer than guessing what was meant.
    const parsed = StoredFile.safeParse(db.data)
    db.data = parsed.success ? parsed.data : { extensions: [] }
    return new PairedExtensions(db, now)
  }

  list(): PairedExtension[] {
    return this.db.data.extensions.map(({ tokenHash: _hidden, ...shown }) => shown)
  }

  /** A new extension and its token; the token is returned once and never stored. */
  async add(name: string, origin: string): Promise<{ extension: PairedExtension; token: string }> {
    const token = randomBytes(32).toString('base64url')
    const entry: StoredExtension = {
      id: randomBytes(8).toString('hex'),
      name: name.trim().slice(0, 200) || 'Browser extension',
      origin,
      tokenHash: hashToken(token),
      pairedAt: this.now().toISOString(),
      lastUsedAt: null,
    }
    this.db.data.extensions.push(entry)
    await this.writer.save()
    const { tokenHash: _hidden, ...extension } = entry
    return { extension, token }
  }

  async revoke(id: string): Promise<boolean> {
    const before = this.db.data.extensions.length
    this.db.data.extensions = this.db.data.extensions.filter((entry) => entry.id !== id)
    if (this.db.data.extensions.length === before) return false
    await this.writer.save()
    return true
  }

  /** The extension this token belongs to, if it is used from the origin it was paired from. */
  verify(token: string | null, origin: string): PairedExtension | null {
    if (!token || token.length > 200) return null
    const given = Buffer.from(hashToken(token), 'hex')
    const entry = this.db.data.extensions.find((candidate) =>
      timingSafeEqual(Buffer.from(candidate.tokenHash, 'hex'), given),
    )
    if (!entry || entry.origin !== origin) return null
    const now = this.now()
    if (!entry.lastUsedAt || now.getTime() - Date.parse(entry.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
      entry.lastUsedAt = now.toISOString()
      void this.writer.save().catch(() => undefined)
    }
    const { tokenHash: _hidden, ...extension } = entry
    return extension
  }

  idle(): Promise<void> {
    return this.writer.idle()
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
