import { createWriteStream, type WriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { ZipFile } from 'yazl'

/**
 * A zip written as it goes (yazl), with back-pressure: `add` resolves once the entries before it
 * have reached the file, so at most the entry being written and the one being prepared are held,
 * however many there are. Timestamps are plain DOS ones (no extra field: EPUB's mimetype must have
 * none) and fixed by the caller, so the same library gives the same entries.
 */
export class ZipWriter {
  private readonly zip = new ZipFile()
  private readonly out: WriteStream
  private readonly written: Promise<void>
  private failure: Error | null = null

  constructor(
    path: string,
    private readonly mtime: Date,
  ) {
    // Exported files are for sharing: the usual permissions of a new file (the umask decides).
    this.out = createWriteStream(path, { mode: 0o666 })
    this.zip.on('error', (error: Error) => this.fail(error))
    this.zip.outputStream.on('error', (error: Error) => this.fail(error))
    this.zip.outputStream.pipe(this.out)
    this.written = finished(this.out)
    this.written.catch((error: Error) => this.fail(error))
  }

  /** An entry stored as it is, sizes in its header: EPUB's `mimetype`, which must come first. */
  addStored(name: string, data: string | Buffer): void {
    this.zip.addBuffer(Buffer.from(data), name, {
      compress: false,
      forceDosTimestamp: true,
      mtime: this.mtime,
    })
  }

  async add(name: string, data: string | Uint8Array, options: { compress?: boolean } = {}): Promise<void> {
    this.throwIfFailed()
    // yazl keeps every entry's pump function until the zip ends: the bytes must not stay reachable
    // from it once handed over, or every picture of the export would be held to the end.
    let pending: Buffer | null = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)
    const size = pending.length
    await new Promise<void>((resolve, reject) => {
      const onError = (): void => reject(this.failure ?? new Error('The export could not be written.'))
      this.zip.once('error', onError)
      this.zip.addReadStreamLazy(
        name,
        {
          compress: options.compress ?? true,
          forceDosTimestamp: true,
          mtime: this.mtime,
          size,
        },
        (callback) => {
          this.zip.off('error', onError)
          const bytes = pending!
          pending = null
          resolve()
          callback(null, Readable.from([bytes]))
        },
      )
    })
    this.throwIfFailed()
  }

  async close(): Promise<void> {
    this.throwIfFailed()
    this.zip.end()
    await this.written
    this.throwIfFailed()
  }

  /** Stops writing; the caller removes the file. */
  async abort(): Promise<void> {
    this.zip.outputStream.unpipe(this.out)
    this.out.destroy()
    await finished(this.out).catch(() => undefined)
  }

  private fail(error: Error): void {
    this.failure ??= error
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure
  }
}
