import { api } from '@renderer/api'
import { toErrorInfo } from '@shared/errors'
import { MAX_IMPORT_BYTES, type ImportFormat, type ImportJob } from '@shared/imports'
import { showView } from '../ui/actions'
import { useImports } from './store'

export function openImports(): void {
  showView({ kind: 'imports' })
  void loadImports()
}

export async function loadImports(): Promise<void> {
  try {
    const { jobs } = await api.invoke('imports.list', {})
    useImports.setState({
      jobs: Object.fromEntries(jobs.map((job) => [job.id, job])),
      order: jobs.map((job) => job.id),
    })
  } catch (error) {
    useImports.setState({ error: toErrorInfo(error).message })
  }
}

export function chooseImportFile(file: File | null): void {
  useImports.setState({ file, error: null })
}

export function chooseImportFormat(format: ImportFormat | 'detect'): void {
  useImports.setState({ format })
}

export async function startImport(): Promise<void> {
  const { file, format, starting } = useImports.getState()
  if (!file || starting) return
  if (file.size > MAX_IMPORT_BYTES) {
    useImports.setState({ error: `${file.name} is larger than 28 MB; split it and import the parts.` })
    return
  }
  useImports.setState({ starting: true, error: null })
  try {
    const data = base64Of(new Uint8Array(await file.arrayBuffer()))
    const job = await api.invoke('imports.start', {
      fileName: file.name,
      data,
      ...(format === 'detect' ? {} : { format }),
    })
    receiveImportProgress(job)
    useImports.setState((state) => ({ file: null, pickerKey: state.pickerKey + 1 }))
  } catch (error) {
    useImports.setState({ error: toErrorInfo(error).message })
  } finally {
    useImports.setState({ starting: false })
  }
}

export async function pauseImport(id: number): Promise<void> {
  await change(() => api.invoke('imports.pause', { id }))
}

export async function resumeImport(id: number): Promise<void> {
  await change(() => api.invoke('imports.resume', { id }))
}

export async function retryFailedImports(id: number): Promise<void> {
  await change(() => api.invoke('imports.retryFailed', { id }))
  useImports.setState((state) => ({ failures: { ...state.failures, [id]: [] } }))
}

export async function loadImportFailures(id: number): Promise<void> {
  try {
    const detail = await api.invoke('imports.get', { id })
    receiveImportProgress(detail)
    useImports.setState((state) => ({ failures: { ...state.failures, [id]: detail.failures } }))
  } catch (error) {
    useImports.setState({ error: toErrorInfo(error).message })
  }
}

/** An import's new counts, from imports.progress or a call's answer. */
export function receiveImportProgress(job: ImportJob): void {
  useImports.setState((state) => ({
    jobs: { ...state.jobs, [job.id]: job },
    order: state.order.includes(job.id) ? state.order : [job.id, ...state.order],
  }))
}

async function change(call: () => Promise<ImportJob>): Promise<void> {
  try {
    receiveImportProgress(await call())
  } catch (error) {
    useImports.setState({ error: toErrorInfo(error).message })
  }
}

/** Bytes as base64 without one giant string argument (btoa of a spread array overflows the stack). */
function base64Of(bytes: Uint8Array): string {
  const chunk = 0x8000
  let binary = ''
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}
