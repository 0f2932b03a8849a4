import { exportFormatInfo, type ExportFormat, type ExportResult, type ExportSelection } from '@shared/export'
import { api } from '@renderer/api'
import { useLibrary } from '@renderer/store/library/store'
import { useExport } from './store'

/**
 * Exports from the window. In the desktop app the shell's save dialog chooses where the file or
 * folder goes; in the browser host the export is made on the host and then downloaded (a folder
 * comes as a zip of it).
 */

export function openExport(selection: ExportSelection, title: string): void {
  if (useExport.getState().running) return
  useExport.setState({ selection, title, result: null, error: null })
}

/** The list as it is filtered now: its state and every facet set. */
export function openExportOfList(): void {
  const { filter, facets, facetLabels } = useLibrary.getState()
  const labels = Object.values(facetLabels).filter(Boolean)
  const title =
    labels.length > 0
      ? labels.join(', ')
      : filter === 'all'
        ? 'All articles'
        : `${filter[0]!.toUpperCase()}${filter.slice(1)} articles`
  openExport({ kind: 'filter', filter: { state: filter, ...facets } }, title)
}

export function closeExport(): void {
  if (useExport.getState().running) return
  useExport.setState({ selection: null, result: null, error: null })
}

export function chooseFormat(format: ExportFormat): void {
  useExport.setState({ format, result: null, error: null })
}

export async function startExport(): Promise<void> {
  const { selection, title, format, running } = useExport.getState()
  if (!selection || running) return
  const destination = await chooseDestination(format, title)
  if (!destination) return
  const exportId = `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  useExport.setState({ running: { exportId, done: 0, total: null }, result: null, error: null })
  const stop = api.on('export.progress', (progress) => {
    if (progress.id !== exportId) return
    useExport.setState((state) =>
      state.running ? { running: { ...state.running, done: progress.done, total: progress.total } } : {},
    )
  })
  try {
    const result = await api.invoke('export.write', { exportId, selection, format, destination, title })
    useExport.setState({ result })
    if (result.download) download(result)
  } catch (error) {
    useExport.setState({ error: error instanceof Error ? error.message : String(error) })
  } finally {
    stop()
    useExport.setState({ running: null })
  }
}

export function cancelExport(): void {
  const running = useExport.getState().running
  if (running) void api.invoke('export.cancel', { id: running.exportId })
}

type Destination = { kind: 'path'; path: string } | { kind: 'download' }

async function chooseDestination(format: ExportFormat, title: string): Promise<Destination | null> {
  if (api.host !== 'electron') return { kind: 'download' }
  const extension = exportFormatInfo[format].extension
  const suggestedName = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Dateline export'}${extension ? `.${extension}` : ''}`
  const chosen = await api.invoke('export.chooseDestination', { format, suggestedName })
  if (!chosen.supported) return { kind: 'download' }
  return chosen.path ? { kind: 'path', path: chosen.path } : null
}

/** The browser saves the file the host kept for it; the link works once. */
function download(result: ExportResult): void {
  const link = document.createElement('a')
  link.href = `${api.mediaBaseUrl}${result.download!.url}`
  link.download = result.download!.name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}
