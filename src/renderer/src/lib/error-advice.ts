import type { ErrorCode } from '@shared/errors'

/** What a person can do about each kind of failure; codes without advice show the message alone. */
const ADVICE: Partial<Record<ErrorCode, string>> = {
  LIBRARY_NEWER: 'This library was last used by a newer version of Dateline. Update Dateline to open it.',
  LIBRARY_NEEDS_UPGRADE: 'Open this library once in the Dateline app to upgrade it.',
  LIBRARY_DAMAGED:
    'Some of the library’s files could not be read. Restore the library folder from a backup, or choose another folder.',
  LIBRARY_BUSY: 'Another copy of Dateline is using this library. Close it, then try again.',
  NOT_FOUND: 'The article may have been deleted in another window.',
  DISK_FULL:
    'Your articles so far are safe. Free some space on the disk that holds the library, then try again.',
  INTERNAL: 'Try again. If it keeps happening, restart Dateline.',
}

export function adviceFor(code: ErrorCode): string | null {
  return ADVICE[code] ?? null
}
