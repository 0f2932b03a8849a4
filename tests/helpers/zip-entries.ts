import { openPromise } from 'yauzl'

/** Every entry of a zip: name, how it is stored, and its bytes (for tests; small zips only). */
export interface ZipEntryFacts {
  name: string
  stored: boolean
  extraFieldLength: number
  bytes: Buffer
}

export async function readZip(path: string): Promise<ZipEntryFacts[]> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false })
  const entries: ZipEntryFacts[] = []
  try {
    for (;;) {
      const entry = await new Promise<import('yauzl').Entry | null>((resolve, reject) => {
        zip
          .once('entry', resolve)
          .once('end', () => resolve(null))
          .once('error', reject)
        zip.readEntry()
      })
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error')
      if (!entry) break
      const stream = await zip.openReadStreamPromise(entry)
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      entries.push({
        name: entry.fileName,
        stored: entry.compressionMethod === 0,
        extraFieldLength: entry.extraFieldLength,
        bytes: Buffer.concat(chunks),
      })
    }
  } finally {
    zip.close()
  }
  return entries
}
