import { isCapturableFile, linkFromDrop } from '@renderer/lib/capture-input'

/** While dragging, only the types are readable, not the data: this is all that can be known then. */
export function mayHoldArticle(data: DataTransfer | null): boolean {
  if (!data) return false
  return ['Files', 'text/uri-list', 'text/plain'].some((type) => data.types.includes(type))
}

export type Dropped = { url: string } | { file: File } | { files: File[] }

/**
 * Several files go to the add queue, every one of them (one Dateline cannot read is reported by
 * name there); one file or a link goes through the add dialog.
 */
export function droppedArticle(data: DataTransfer): Dropped | null {
  const files = Array.from(data.files)
  if (files.length > 1) return { files }
  const file = files.find(isCapturableFile)
  if (file) return { file }
  const url = linkFromDrop(data.getData('text/uri-list'), data.getData('text/plain'))
  return url ? { url } : null
}
