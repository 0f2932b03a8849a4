import { DatelineError } from '@shared/errors'
import { anchorPassage, describePassage } from '@shared/highlight-anchor'
import {
  AddHighlightInput,
  type AnchoredHighlight,
  type Highlight,
  type highlightsProcedures,
} from '@shared/highlights'
import type { ServicesFor } from '@shared/procedure'
import type { z } from 'zod'
import type { ServiceContext } from '../services'
import { anchorHighlights } from './anchor-highlights'
import { highlightFilesOf } from './highlight-files'
import { reindexArticle } from './highlight-index'
import {
  allHighlights,
  changeHighlight,
  deleteHighlight,
  highlightById,
  highlightsOf,
  newHighlightId,
  putHighlight,
} from './highlight-store'

/** The highlights procedures of the service table (see src/shared/highlights.ts). */
export function highlightServices(ctx: ServiceContext): ServicesFor<typeof highlightsProcedures> {
  // The HTML parser (linkedom) is loaded with the first highlight, not with the library.
  const plainText = async (articleId: string): Promise<string> => {
    const [{ articlePlainText }, article] = await Promise.all([
      import('./article-plain-text'),
      ctx.library.readArticle(articleId),
    ])
    return articlePlainText(article.html)
  }

  const changed = async (articleId: string): Promise<void> => {
    // The article's full-text entry again, with its highlights' quotes and notes (search finds them).
    await reindexArticle(ctx.library, articleId)
    await highlightFilesOf(ctx.library).save(articleId)
    ctx.events.emit('highlights.changed', { articleIds: [articleId] })
  }

  const anchored = async (id: string): Promise<AnchoredHighlight> => {
    const highlight = ctx.library.query((db) => highlightById(db, id))
    if (!highlight) throw notFound()
    const text = await plainText(highlight.articleId).catch(() => '')
    return { ...highlight, at: anchorPassage(text, highlight) }
  }

  return {
    'highlights.list': async ({ articleId }) => {
      if (articleId !== undefined) {
        const text = await plainText(articleId)
        return {
          highlights: anchorHighlights(
            text,
            ctx.library.query((db) => highlightsOf(db, articleId)),
          ),
        }
      }
      // Every article's, those of articles in the trash left out; each article's text read once.
      const byArticle = new Map<string, Highlight[]>()
      for (const h of ctx.library.query(allHighlights))
        byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h])
      const highlights: AnchoredHighlight[] = []
      for (const [id, own] of byArticle) {
        if (!ctx.library.get(id)) continue
        highlights.push(...anchorHighlights(await plainText(id), own))
      }
      return { highlights }
    },
    'highlights.add': async (input) => {
      const text = await plainText(input.articleId)
      const at = locate(text, input)
      if (!at) {
        throw new DatelineError(
          'NOT_FOUND',
          'That passage is not in the article’s text, so it cannot be highlighted.',
        )
      }
      const now = ctx.now().toISOString()
      // Stored in this side's coordinates: the window's text may count a character or two apart.
      const highlight = {
        ...describePassage(text, at.start, at.end),
        id: newHighlightId(),
        articleId: input.articleId,
        note: input.note,
        colour: input.colour,
        createdAt: now,
        updatedAt: now,
      }
      ctx.library.change((db) => {
        ctx.library.articleRowid(input.articleId)
        putHighlight(db, highlight)
      })
      await changed(input.articleId)
      return { ...highlight, at }
    },
    'highlights.update': async ({ id, note, colour }) => {
      const now = ctx.now().toISOString()
      const done = ctx.library.change((db) => changeHighlight(db, id, { note, colour }, now))
      if (!done) throw notFound()
      await changed(done.articleId)
      return anchored(id)
    },
    'highlights.remove': async ({ id }) => {
      const highlight = ctx.library.query((db) => highlightById(db, id))
      if (!highlight) throw notFound()
      ctx.library.change((db) => deleteHighlight(db, id))
      await changed(highlight.articleId)
      return { id, articleId: highlight.articleId }
    },
  }
}

function notFound(): DatelineError {
  return new DatelineError('NOT_FOUND', 'That highlight is not in the library (it may have been removed).')
}

/** The passage asked for: where the window saw it, else the quote's best match in the text. */
function locate(
  text: string,
  input: z.output<typeof AddHighlightInput>,
): { start: number; end: number } | null {
  const start = input.start ?? Math.max(0, text.indexOf(input.exact))
  const end = input.end ?? start + input.exact.length
  if (end <= start) return null
  return anchorPassage(text, { exact: input.exact, prefix: input.prefix, suffix: input.suffix, start, end })
}
