import type { JSX } from 'react'
import type { MainViewKind } from '@renderer/store/ui/store'
import { CollectionPage } from './components/collections/CollectionPage'
import { ImportsView } from '@renderer/components/imports/ImportsView'
import { CountriesView } from './components/countries/CountriesView'
import { MapView } from './components/countries/MapView'
import { FeedsView } from './components/feeds/FeedsView'
import { CorrespondentView } from './components/correspondents/CorrespondentView'
import { CorrespondentsView } from './components/correspondents/CorrespondentsView'
import { FollowingView } from './components/correspondents/FollowingView'
import { SyncView } from './components/sync/SyncView'
import { ExtensionView } from './components/extension/ExtensionView'
import { TrashView } from './components/trash/TrashView'
import { StoriesView } from './components/stories/StoriesView'
import { StoryPage } from './components/stories/StoryPage'

/**
 * The features' views of the main area, by kind. A feature adds its view here with one line; the
 * article list and reader (`articles`) are the App's own. A view receives the key it was opened with.
 */
export type MainViewComponent = (props: { viewKey?: string }) => JSX.Element

export const mainViews: Partial<Record<Exclude<MainViewKind, 'articles'>, MainViewComponent>> = {
  collection: CollectionPage,
  imports: ImportsView,
  countries: CountriesView,
  map: MapView,
  feeds: FeedsView,
  correspondents: CorrespondentsView,
  correspondent: CorrespondentView,
  following: FollowingView,
  sync: SyncView,
  extension: ExtensionView,
  trash: TrashView,
  stories: StoriesView,
  story: StoryPage,
}
