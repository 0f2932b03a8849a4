import { isCapturableFile, linkFromDrop } from '@renderer/lib/capture-input'

/** While dragging, only the types are readable, not the data: this is all that can be known then. */
export function mayHoldArticle(data: DataTransfer | null): boolean {
  if (!data) return false
  return ['Files', 'text/uri-list', 'text/plain'].some((type) => data.types.includes(type))
}

export function droppedArticle(data: DataTransfer): { url: string } | { file: File } | null {
  const file = Array.from(data.files).find(isCapturableFile)
  if (file) return { file }
  const url = linkFromDrop(data.getData('text/uri-list'), data.getData('text/plain'))
  return url ? { url } : null
}
