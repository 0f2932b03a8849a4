import { useEffect, type JSX } from 'react'
import { openAddDialog } from '@renderer/store/capture/actions'
import { setSidebarShown, sidebarShown, useSidebar, watchWindowWidth } from '@renderer/store/layout/sidebar'
import { Sidebar } from '../Sidebar'

/** The sidebar, or in its place a narrow rail to bring it back (and to add an article). */
export function CollapsibleSidebar(): JSX.Element {
  const shown = useSidebar(sidebarShown)
  useEffect(watchWindowWidth, [])

  if (!shown) {
    return (
      <div className="sidebar-rail" data-testid="sidebar-rail">
        <button
          type="button"
          className="button button-quiet rail-button"
          data-testid="show-sidebar"
          aria-label="Show the sidebar"
          aria-expanded={false}
          onClick={() => setSidebarShown(true)}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <button
          type="button"
          className="button button-primary rail-button"
          data-testid="rail-add"
          aria-label="Add an article"
          onClick={() => openAddDialog()}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
    )
  }
  return (
    <div className="sidebar-frame">
      <Sidebar />
      <button
        type="button"
        className="button button-quiet sidebar-hide"
        data-testid="hide-sidebar"
        aria-label="Hide the sidebar"
        aria-expanded={true}
        onClick={() => setSidebarShown(false)}
      >
        <span aria-hidden="true">‹</span>
      </button>
    </div>
  )
}
