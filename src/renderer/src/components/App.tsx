import type { JSX } from 'react'
import { useDropCapture } from '@renderer/hooks/useDropCapture'
import { useKeyboardShortcuts } from '@renderer/hooks/useKeyboardShortcuts'
import { usePasteCapture } from '@renderer/hooks/usePasteCapture'
import { useThemeAttribute } from '@renderer/hooks/useResolvedTheme'
import { isLibraryEmpty } from '@renderer/store/library/selectors'
import { useLibrary } from '@renderer/store/library/store'
import { useUi } from '@renderer/store/ui/store'
import { mainViews } from '@renderer/views'
import { AddArticleDialog } from './AddArticleDialog'
import { ArticleListPane } from './ArticleListPane'
import { CommandPalette } from './CommandPalette'
import { DropOverlay } from './DropOverlay'
import { EmptyLibrary } from './EmptyLibrary'
import { ErrorBanner } from './ErrorBanner'
import { CollapsibleSidebar } from './layout/CollapsibleSidebar'
import { ExportDialog } from './export/ExportDialog'
import { SaveLinkOffer } from './extension/SaveLinkOffer'
import { ReaderPane } from './ReaderPane'
import { ShortcutsHelp } from './ShortcutsHelp'
import { NoticeTray } from './notices/NoticeTray'

export function App(): JSX.Element {
  useThemeAttribute()
  useKeyboardShortcuts()
  useDropCapture()
  usePasteCapture()
  const empty = useLibrary(isLibraryEmpty)
  const view = useUi((state) => state.view)
  const FeatureView = view.kind === 'articles' ? undefined : mainViews[view.kind]

  return (
    <div className="app">
      <ErrorBanner />
      <div className="app-body">
        <CollapsibleSidebar />
        <main className="app-main">
          {FeatureView ? (
            <FeatureView {...(view.key === undefined ? {} : { viewKey: view.key })} />
          ) : empty ? (
            <EmptyLibrary />
          ) : (
            <>
              <ArticleListPane />
              <ReaderPane />
            </>
          )}
        </main>
      </div>
      <NoticeTray />
      <AddArticleDialog />
      <CommandPalette />
      <ExportDialog />
      <SaveLinkOffer />
      <ShortcutsHelp />
      <DropOverlay />
    </div>
  )
}
