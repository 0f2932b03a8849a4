import { parse, type DefaultTreeAdapterTypes } from 'parse5'
import type { BrokenRow } from '@shared/imports'
import { importRow, type ImportRow, type ParsedExport } from '../import-row'
import { distinctTags, readSaveDate, readWebAddress } from './web-address'

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document
type Element = DefaultTreeAdapterTypes.Element

/**
 * A browser's bookmarks file (Netscape bookmark format: Firefox, Chrome, Edge, Safari): folders are
 * `<DT><H3>name</H3><DL>…</DL>`, bookmarks `<DT><A HREF ADD_DATE TAGS>title</A>`. Read with the
 * HTML standard's parser (parse5), which nests the unclosed DT/DL the way browsers do. A bookmark
 * keeps its folder path ("News / Belarus") as a collection, and Firefox's tags as collections too.
 * The browser's own top folders (toolbar, "other bookmarks") are marked by attributes and name no
 * collection.
 */
export function parseBookmarksHtml(text: string): ParsedExport {
  const document = parse(text, { sourceCodeLocationInfo: true })
  const rows: ImportRow[] = []
  const broken: BrokenRow[] = []
  walk(document, [], (anchor, folders) => {
    const line = anchor.sourceCodeLocation?.startLine ?? 0
    const address = readWebAddress(attribute(anchor, 'href'))
    if ('reason' in address) {
      broken.push({ line, unit: 'line', reason: address.reason })
      return
    }
    const tags = (attribute(anchor, 'tags') ?? '').split(',')
    rows.push(
      importRow(line, address.url, {
        title: textOf(anchor).replace(/\s+/g, ' ').trim().slice(0, 1000) || null,
        tags: distinctTags([...(folders.length > 0 ? [folders.join(' / ')] : []), ...tags]),
        savedAt: readSaveDate(attribute(anchor, 'add_date')),
      }),
    )
  })
  return { format: 'bookmarks', rows, broken }
}

/** Visits every link with the folders it sits in, outermost first. */
function walk(node: Node, folders: string[], visit: (anchor: Element, folders: string[]) => void): void {
  // A folder's list usually nests inside its DT; a file that closes the DT puts the list next to it.
  let folderOfNextList: string[] | null = null
  for (const child of childElements(node)) {
    if (child.tagName === 'a') {
      visit(child, folders)
      continue
    }
    const heading = child.tagName === 'dt' ? childElements(child).find((c) => c.tagName === 'h3') : undefined
    if (heading) {
      const inner = isBrowserRoot(heading) ? folders : [...folders, folderName(heading)]
      const list = childElements(child).find((c) => c.tagName === 'dl')
      if (list) walk(list, inner, visit)
      else folderOfNextList = inner
      for (const other of childElements(child))
        if (other !== heading && other !== list) walk(other, folders, visit)
      continue
    }
    if (child.tagName === 'dl' && folderOfNextList) {
      walk(child, folderOfNextList, visit)
      folderOfNextList = null
      continue
    }
    walk(child, folders, visit)
  }
}

function isBrowserRoot(heading: Element): boolean {
  return heading.attrs.some(
    (a) => a.name === 'personal_toolbar_folder' || a.name === 'unfiled_bookmarks_folder',
  )
}

function folderName(heading: Element): string {
  return textOf(heading).replace(/\s+/g, ' ').trim() || 'Untitled folder'
}

function childElements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : []
  const elements: Element[] = []
  for (const child of children) {
    if ('tagName' in child) elements.push(child)
  }
  return elements
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value
  return 'childNodes' in node ? node.childNodes.map((child) => textOf(child)).join('') : ''
}
