import type { JSX } from 'react'
import { IMPORT_FORMAT_NAMES, type ImportJob } from '@shared/imports'
import {
  loadImportFailures,
  pauseImport,
  resumeImport,
  retryFailedImports,
} from '@renderer/store/imports/actions'
import { describeImportCounts, importProgress } from '@renderer/store/imports/selectors'
import { useImports } from '@renderer/store/imports/store'

const STATE_LABELS: Record<ImportJob['state'], string> = {
  running: 'Capturing',
  paused: 'Paused',
  finished: 'Finished',
}

/** One import: what the file was, how far it has gone, and what could not be read or captured. */
export function ImportJobCard({ job }: { job: ImportJob }): JSX.Element {
  const failures = useImports((state) => state.failures[job.id])
  const progress = importProgress(job)
  const { queued, done, failed } = job.counts
  return (
    <section className="import-job" aria-label={`Import of ${job.fileName}`} data-testid="import-job">
      <header className="import-job-header">
        <div>
          <h3 className="import-job-title">{job.fileName}</h3>
          <p className="import-job-format" data-testid="import-format-found">
            {IMPORT_FORMAT_NAMES[job.format]} · {new Date(job.createdAt).toLocaleString()}
          </p>
        </div>
        <span className={`import-state import-state-${job.state}`} data-testid="import-state">
          {STATE_LABELS[job.state]}
        </span>
      </header>
      <p className="import-job-counts" data-testid="import-counts">
        {describeImportCounts(job)}
      </p>
      <div
        className="import-progress"
        role="progressbar"
        aria-label="Captured"
        aria-valuemin={0}
        aria-valuemax={queued}
        aria-valuenow={done + failed}
      >
        <div className="import-progress-done" style={{ width: `${(queued ? done / queued : 1) * 100}%` }} />
        <div
          className="import-progress-failed"
          style={{ width: `${(queued ? failed / queued : 0) * 100}%` }}
        />
      </div>
      <p className="import-job-progress" data-testid="import-progress">
        {done.toLocaleString()} of {queued.toLocaleString()} captured
        {failed > 0 ? `, ${failed.toLocaleString()} failed` : ''}
        {job.state === 'running' ? ` · ${Math.floor(progress * 100)}%` : ''}
      </p>
      <div className="import-job-actions">
        {job.state === 'running' && (
          <button
            type="button"
            className="button"
            onClick={() => void pauseImport(job.id)}
            data-testid="import-pause"
          >
            Pause
          </button>
        )}
        {job.state === 'paused' && (
          <button
            type="button"
            className="button"
            onClick={() => void resumeImport(job.id)}
            data-testid="import-resume"
          >
            Resume
          </button>
        )}
        {failed > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => void retryFailedImports(job.id)}
            data-testid="import-retry"
          >
            Try the {failed.toLocaleString()} failed again
          </button>
        )}
      </div>
      {job.collections.length > 0 && (
        <p className="import-job-collections" data-testid="import-collections">
          Collections: {job.collections.join(', ')}
        </p>
      )}
      {job.brokenRows.length > 0 && (
        <details className="import-details" data-testid="import-broken">
          <summary>
            {job.counts.broken.toLocaleString()} {job.counts.broken === 1 ? 'row' : 'rows'} could not be read
          </summary>
          <ul>
            {job.brokenRows.map((row) => (
              <li key={`${row.unit}-${row.line}-${row.reason}`}>
                <span className="import-line">
                  {row.unit === 'line' ? 'Line' : 'Entry'} {row.line}:
                </span>{' '}
                {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {failed > 0 && (
        <details
          className="import-details"
          data-testid="import-failures"
          onToggle={(event) => {
            if (event.currentTarget.open) void loadImportFailures(job.id)
          }}
        >
          <summary>
            Why {failed === 1 ? 'one article' : `${failed.toLocaleString()} articles`} could not be captured
          </summary>
          <ul>
            {(failures ?? []).map((f) => (
              <li key={`${f.line}-${f.url}`}>
                <span className="import-line">Line {f.line}:</span> {f.title ?? f.url}: {f.error}
                {f.attempts > 1 ? ` (tried ${f.attempts} times)` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
