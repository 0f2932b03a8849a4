import { generateOpml, parseOpml } from 'feedsmith'
import { DatelineError } from '@shared/errors'
import { absolute } from './feed-urls'

export interface OpmlSubscription {
  url: string
  title: string
  siteUrl: string | null
  /** The outline folders above it, joined with " / " (Dateline keeps one level of name). */
  folder: string | null
}

/** The subscriptions of an OPML file from another reader, with the folders they were in. */
export function readOpml(text: string): OpmlSubscription[] {
  let document: ReturnType<typeof parseOpml>
  try {
    document = parseOpml(withoutDoctype(text))
  } catch {
    throw new DatelineError('INVALID_INPUT', 'This file is not an OPML list of feeds.')
  }
  const found = new Map<string, OpmlSubscription>()
  type Outline = NonNullable<NonNullable<typeof document.body>['outlines']>[number]
  const walk = (outlines: Outline[] | undefined, folders: string[]): void => {
    for (const outline of outlines ?? []) {
      const url = absolute(outline.xmlUrl, 'https://invalid.invalid/')
      if (url && !url.startsWith('https://invalid.invalid/')) {
        if (!found.has(url)) {
          found.set(url, {
            url,
            title: (outline.title ?? outline.text ?? '').trim(),
            siteUrl: absolute(outline.htmlUrl, url),
            folder: folders.length > 0 ? folders.join(' / ') : null,
          })
        }
      } else if (outline.outlines) {
        const name = (outline.title ?? outline.text ?? '').trim()
        walk(outline.outlines, name ? [...folders, name] : folders)
      }
    }
  }
  walk(document.body?.outlines, [])
  return [...found.values()]
}

/** OPML 2.0 of the subscriptions, one outline per folder. */
export function writeOpml(feeds: OpmlSubscription[], createdAt: Date): string {
  const outline = (
    f: OpmlSubscription,
  ): { text: string; title: string; type: string; xmlUrl: string; htmlUrl?: string } => ({
    text: f.title || f.url,
    title: f.title || f.url,
    type: 'rss',
    xmlUrl: f.url,
    ...(f.siteUrl ? { htmlUrl: f.siteUrl } : {}),
  })
  const folders = new Map<string, OpmlSubscription[]>()
  const loose: OpmlSubscription[] = []
  for (const feed of feeds) {
    if (feed.folder) folders.set(feed.folder, [...(folders.get(feed.folder) ?? []), feed])
    else loose.push(feed)
  }
  return generateOpml({
    head: { title: 'Dateline subscriptions', dateCreated: createdAt },
    body: {
      outlines: [
        ...[...folders].map(([name, members]) => ({
          text: name,
          title: name,
          outlines: members.map(outline),
        })),
        ...loose.map(outline),
      ],
    },
  })
}

function withoutDoctype(text: string): string {
  return text.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '')
}
