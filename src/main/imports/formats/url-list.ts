import type { BrokenRow } from '@shared/imports'
import { importRow, type ImportRow, type ParsedExport } from '../import-row'
import { readWebAddress } from './web-address'

/**
 * A plain list of links, one a line. Blank lines and lines starting with `#` are left out; a line
 * with words around its address (a title, a date) gives the first http(s) address on it.
 */
export function parseUrlList(text: string): ParsedExport {
  const rows: ImportRow[] = []
  const broken: BrokenRow[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const candidate = /https?:\/\/\S+/i.exec(line)?.[0]?.replace(/[)\]>.,;'"]+$/, '') ?? line
    const address = readWebAddress(candidate)
    if ('reason' in address) broken.push({ line: i + 1, unit: 'line', reason: address.reason })
    else rows.push(importRow(i + 1, address.url))
  })
  return { format: 'urls', rows, broken }
}
