import { useEffect, type JSX } from 'react'
import { loadImports } from '@renderer/store/imports/actions'
import { useImports } from '@renderer/store/imports/store'
import { ImportFilePicker } from './ImportFilePicker'
import { ImportJobCard } from './ImportJobCard'

/** The import page: choose an export, then follow each import as its articles are captured. */
export function ImportsView(): JSX.Element {
  const order = useImports((state) => state.order)
  const jobs = useImports((state) => state.jobs)
  useEffect(() => {
    void loadImports()
  }, [])
  return (
    <div className="imports-view" data-testid="imports-view">
      <h1 className="imports-title">Import from another app</h1>
      <p className="imports-intro">
        Tags, labels and bookmark folders become collections; read, archived and starred come along, and so
        does the day each was saved. Articles are captured four at a time in the background; closing Dateline
        loses nothing, and importing the same file again adds nothing.
      </p>
      <ImportFilePicker />
      {order.length > 0 && <h3 className="sidebar-heading imports-heading">Imports</h3>}
      {order.map((id) => {
        const job = jobs[id]
        return job ? <ImportJobCard key={id} job={job} /> : null
      })}
    </div>
  )
}
