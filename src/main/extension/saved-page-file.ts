import { open, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { DatelineError } from '@shared/errors'
import { MAX_SAVED_PAGE_CHARS, type AddSavedPageInput } from '@shared/extension'
import { looksLikeMhtml } from '../ingest/mhtml'

/** Files of pages a browser saved as one file, by name or, for a misnamed one, by content. */
const SAVED_PAGE_EXTENSIONS = new Set(['.mhtml', '.mht', '.webarchive'])

/**
 * The `extension.addSavedPage` input for a file the person opened with Dateline or gave to
 * `dateline add`, or null when it is no saved page (then it is an ordinary HTML or text file).
 */
export async function savedPageInput(path: string): Promise<AddSavedPageInput | null> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return null
  const named = SAVED_PAGE_EXTENSIONS.has(extname(path).toLowerCase())
  if (!named && !(await startsAsMhtml(path))) return null
  if (info.size > MAX_SAVED_PAGE_CHARS) {
    throw new DatelineError(
      'TOO_LARGE',
      `"${basename(path)}" is larger than 64 MB, so Dateline did not read it.`,
    )
  }
  const handle = await open(path, 'r')
  try {
    const bytes = await handle.readFile()
    return { fileName: basename(path), content: bytes.toString('latin1') }
  } finally {
    await handle.close()
  }
}

async function startsAsMhtml(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return looksLikeMhtml(head.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}
