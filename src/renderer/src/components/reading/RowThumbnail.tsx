import type { JSX } from 'react'
import { isMediaPath } from '@shared/media'
import { api } from '@renderer/api'

/** The article's stored lead picture, small, beside its row; decorative (the headline says it all). */
export function RowThumbnail({ leadImage }: { leadImage: string | null }): JSX.Element | null {
  if (!leadImage || !isMediaPath(leadImage)) return null
  return (
    <img
      className="row-thumbnail"
      src={`${api.mediaBaseUrl}${leadImage}`}
      alt=""
      loading="lazy"
      decoding="async"
      draggable={false}
      data-testid="row-thumbnail"
    />
  )
}
