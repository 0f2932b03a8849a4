import type { JSX } from 'react'
import type { MainViewKind } from '@renderer/store/ui/store'

/**
 * The features' views of the main area, by kind. A feature adds its view here with one line; the
 * article list and reader (`articles`) are the App's own. A view receives the key it was opened with.
 */
export type MainViewComponent = (props: { viewKey?: string }) => JSX.Element

export const mainViews: Partial<Record<Exclude<MainViewKind, 'articles'>, MainViewComponent>> = {}
