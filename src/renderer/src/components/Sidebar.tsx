import type { JSX } from 'react'
import { openAddDialog } from '@renderer/store/capture/actions'
import { toggleShortcuts } from '@renderer/store/ui/actions'
import { CollectionsSection } from './collections/CollectionsSection'
import { CorrespondentsSection } from './correspondents/CorrespondentsSection'
import { CountriesSection } from './countries/CountriesSection'
import { FeedsSection } from './feeds/FeedsSection'
import { SyncSection } from './sync/SyncSection'
import { FilterButton } from './FilterButton'
import { ImportButton } from './imports/ImportButton'
import { ExtensionButton } from './extension/ExtensionButton'
import { TrashButton } from './trash/TrashButton'
import { ContinueReadingSection } from './reading/ContinueReadingSection'
import { StoriesSection } from './stories/StoriesSection'

export function Sidebar(): JSX.Element {
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="sidebar-brand">Dateline</div>
      <button
        type="button"
        className="button button-primary add-button"
        data-testid="add-article"
        onClick={() => openAddDialog()}
      >
        <span aria-hidden="true">+</span> Add
      </button>
      <h2 className="sidebar-heading" id="library-heading">
        Library
      </h2>
      <ul className="filter-list" aria-labelledby="library-heading">
        <FilterButton filter="all" label="All" />
        <FilterButton filter="unread" label="Unread" />
        <FilterButton filter="starred" label="Starred" />
        <FilterButton filter="archived" label="Archived" />
      </ul>
      <ContinueReadingSection />
      <StoriesSection />
      <CollectionsSection />
      <CorrespondentsSection />
      <FeedsSection />
      <CountriesSection />
      <SyncSection />
      <ImportButton />
      <ExtensionButton />
      <TrashButton />
      <button type="button" className="sidebar-help" onClick={toggleShortcuts}>
        Keyboard shortcuts <kbd>?</kbd>
      </button>
    </nav>
  )
}
