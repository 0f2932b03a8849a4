import { api } from '@renderer/api'
import { openAddDialog, receiveCaptureProgress } from './capture/actions'
import { startCountries } from './countries/actions'
import { reloadOpenArticle, takeOwnStateChanges } from './library/article-actions'
import { scheduleRefresh, startLibrary } from './library/list-actions'
import { useLibrary } from './library/store'
import { receiveImportProgress } from './imports/actions'
import { refreshSearch } from './search/actions'
import { loadSettings } from './settings/actions'
import { setShortcutsOpen } from './ui/actions'
import { startCollections } from './collections/actions'
import { startSelection } from './selection/actions'
import { startFeeds } from './feeds/actions'
import { startExtension } from './extension/actions'
import { startReading } from './reading/position-actions'
import { startListOrder } from './reading/list-actions'

let started = false

/** Wires host events to the stores and loads the first data; once per window. */
export function startStores(): void {
  if (started) return
  started = true
  api.on('capture.progress', receiveCaptureProgress)
  api.on('imports.progress', receiveImportProgress)
  api.on('app.command', ({ command }) => {
    if (command === 'add-article') openAddDialog()
    else setShortcutsOpen(true)
  })
  api.on('library.changed', ({ ids, deleted }) => {
    const open = useLibrary.getState().article
    // Our own state changes brought their counts back with them.
    if (takeOwnStateChanges(ids)) return
    scheduleRefresh()
    refreshSearch('list')
    // Asking for a deleted article would only fetch a 404 (logged in the console as an error).
    if (open && deleted?.includes(open.id)) useLibrary.setState({ article: null })
    else if (open && ids.includes(open.id)) void reloadOpenArticle()
  })
  startCountries()
  void loadSettings()
  startFeeds()
  startLibrary()
  startCollections()
  startSelection()
  startExtension()
  startReading()
  startListOrder()
}
