import { DatelineError } from '@shared/errors'
import type { ServicesFor } from '@shared/procedure'
import type { StoryDetail, StorySummary, storiesProcedures } from '@shared/stories'
import type { SqlDatabase } from '../library/database'
import type { ServiceContext } from '../services'
import { LibraryGrouping } from './group-library'
import { storyEvidence } from './story-evidence'
import { LibraryStoryIndex } from './story-index'
import {
  createStory,
  keepAsPersonChose,
  latestStories,
  putInStory,
  storyMembers,
  storyOfArticle,
  storiesOfRows,
  storyRow,
  ungroupedByIds,
  type StoryMember,
  type StoryRow,
} from './story-store'

/** How long after the library opens the grouping loads the week around today. */
const WARM_AFTER_OPEN_MS = 3_000

/**
 * The stories procedures of the service table (see src/shared/stories.ts), and the one hook that
 * groups articles as they arrive: every capture, feed item and import announces its articles on
 * `library.changed`, and each one not yet in a story joins one there, at once. A change without
 * ids (an archive imported, a library opened from before stories) groups what waits in the
 * background.
 */
export function storyServices(ctx: ServiceContext): ServicesFor<typeof storiesProcedures> {
  const index = new LibraryStoryIndex(ctx.library, ctx.now)
  const changed = (stories: number[]): void => {
    if (stories.length > 0) ctx.events.emit('stories.changed', { stories })
  }
  // Background turns give way to the person's calls (see api/background-work.ts).
  const nextTurn = ctx.background ? (): Promise<void> => ctx.background!.nextTurn() : undefined
  const grouping = new LibraryGrouping({
    library: ctx.library,
    index,
    ...(nextTurn ? { nextTurn } : {}),
    progress: (status, stories) => {
      ctx.events.emit('stories.progress', status)
      changed(stories)
    },
  })
  ctx.background?.onStop(() => grouping.stop())
  ctx.background?.onStop(() => index.stop())
  // Between articles, the features of the days the next one will reach are computed (stopped
  // with the library, so a short CLI command waits for none of it).
  const computeAhead = (): void => {
    if (nextTurn) void index.computeAhead(nextTurn).catch(() => undefined)
  }
  if (ctx.background?.resumeAtOpen) {
    // The week is loaded once the window has shown its first page and article: its first day
    // builds the place index (~0.3 s that no turn can split), which a first click would wait for.
    let warmTimer: NodeJS.Timeout | undefined
    ctx.background.onStop(async () => clearTimeout(warmTimer))
    const afterOpening = (): Promise<void> =>
      new Promise((resolve) => {
        warmTimer = setTimeout(resolve, WARM_AFTER_OPEN_MS)
        warmTimer.unref()
      })
    setImmediate(() => {
      void grouping
        .run()
        .then(afterOpening)
        .then(() => index.warm(ctx.now().getTime(), nextTurn))
        .then(computeAhead)
        .catch(() => undefined)
    })
  }

  ctx.events.subscribe((event, payload) => {
    if (event !== 'library.changed') return
    const { ids } = payload as { ids: string[] }
    if (ids.length === 0) {
      if (ctx.background) void grouping.run().catch(() => undefined)
      return
    }
    try {
      changed(index.group(ctx.library.query((db) => ungroupedByIds(db, ids))).stories)
      computeAhead()
    } catch {
      // A library opened for reading, or a failure of grouping: the article is stored all the
      // same, and the next background round groups it.
    }
  })

  /** A person's correction: done in one transaction, then the grouping's memory starts afresh. */
  const correct = (work: (db: SqlDatabase) => number[]): { stories: number[] } => {
    // A background round's decisions not yet written are written first, so none is lost.
    changed(index.flush())
    const touched = ctx.library.change(work)
    index.reset()
    const stories = [...new Set(touched)].filter(
      (id) => ctx.library.query((db) => storyRow(db, id)) !== undefined,
    )
    changed([...new Set(touched)])
    return { stories }
  }
  const requireStory = (db: SqlDatabase, id: number): StoryRow => {
    const row = storyRow(db, id)
    if (!row) throw new DatelineError('NOT_FOUND', `There is no story ${id} in this library.`)
    return row
  }
  const memberOf = (db: SqlDatabase, articleId: string): { rowid: number; story: number; at: number } => {
    const rowid = ctx.library.articleRowid(articleId)
    const membership = storyOfArticle(db, rowid)
    if (!membership) {
      throw new DatelineError('NOT_FOUND', 'This article is not in a story yet: it is being grouped.')
    }
    return { rowid, ...membership }
  }

  return {
    'stories.list': async (input) => {
      const page = ctx.library.query((db) => {
        const { rows, more } = latestStories(db, input)
        return { items: rows.map((row) => summaryOf(row, storyMembers(db, row.id))), more }
      })
      return { ...page, grouping: grouping.status() }
    },
    'stories.get': async ({ id }) =>
      ctx.library.query((db) => detailOf(requireStory(db, id), storyMembers(db, id))),
    'stories.ofArticle': async ({ id }) =>
      ctx.library.query((db) => {
        const membership = storyOfArticle(db, ctx.library.articleRowid(id))
        if (!membership) return { story: null, articles: 0 }
        return { story: membership.story, articles: storyRow(db, membership.story)?.article_count ?? 0 }
      }),
    'stories.ofRows': async ({ ids }) => ({
      items: ctx.library.query((db) => storiesOfRows(db, ids)),
    }),
    'stories.move': async ({ article, story }) =>
      correct((db) => {
        const member = memberOf(db, article)
        if (story !== undefined) requireStory(db, story)
        // Already where the person asks: nothing moves. Taking it out and putting it back would
        // empty a story of one, which its trigger deletes before the article could return.
        if (story === member.story) return [member.story]
        if (story === undefined && storyRow(db, member.story)?.article_count === 1) {
          // Alone already: the story stays, marked as the person's choice so grouping leaves it.
          keepAsPersonChose(db, member.story)
          return [member.story]
        }
        const target = story ?? createStory(db, member.at, ctx.now())
        putInStory(db, member, target, 'person', 1)
        return [member.story, target]
      }),
    'stories.split': async ({ story, articles }) =>
      correct((db) => {
        const row = requireStory(db, story)
        // Each article once: a second pass would take it out of the new story and empty it.
        const members = [...new Set(articles)].map((id) => memberOf(db, id))
        const stranger = members.find((member) => member.story !== story)
        if (stranger)
          throw new DatelineError('INVALID_INPUT', 'Only articles of this story can be split off it.')
        if (members.length >= row.article_count) {
          throw new DatelineError(
            'INVALID_INPUT',
            'Splitting every article off a story would leave it as it is: choose some of its articles, not all.',
          )
        }
        const first = Math.min(...members.map((member) => member.at))
        const created = createStory(db, first, ctx.now())
        for (const member of members) putInStory(db, member, created, 'person', 1)
        keepAsPersonChose(db, story)
        return [story, created]
      }),
    'stories.merge': async ({ story, into }) =>
      correct((db) => {
        if (story === into) throw new DatelineError('INVALID_INPUT', 'A story cannot be merged into itself.')
        requireStory(db, story)
        requireStory(db, into)
        for (const member of storyMembers(db, story)) putInStory(db, member, into, 'person', 1)
        keepAsPersonChose(db, into)
        return [story, into]
      }),
    'stories.status': async () => grouping.status(),
    'stories.groupWaiting': async () => {
      // This call waits for the background rounds: they must not wait for it in turn.
      await (ctx.background ? ctx.background.awaitingBackground(() => grouping.run()) : grouping.run())
      return grouping.status()
    },
  }
}

function summaryOf(row: StoryRow, members: StoryMember[]): StorySummary {
  const lead = members[0]
  return {
    id: row.id,
    title: lead?.article.title ?? '',
    leadArticle: lead?.article.id ?? '0000000000000000',
    articles: members.length,
    outlets: new Set(members.map((m) => m.article.siteName ?? m.article.url ?? m.article.id)).size,
    languages: mostFirst(
      members.map((m) => (m.article.lang ?? '').split(/[-_]/)[0]!.toLowerCase()).filter(Boolean),
    ),
    countries: mostFirst(
      members.flatMap((m) => m.article.countries.filter((c) => c.role === 'primary').map((c) => c.code)),
    ),
    firstAt: new Date(lead?.at ?? row.first_at).toISOString(),
    lastAt: new Date(members[members.length - 1]?.at ?? row.last_at).toISOString(),
  }
}

function detailOf(row: StoryRow, members: StoryMember[]): StoryDetail {
  const { evidence, perArticle } = storyEvidence(
    members.map(({ article, at }) => ({
      title: article.title,
      text: article.excerpt,
      lang: article.lang,
      site: article.siteName,
      at,
      countries: article.countries.filter((c) => c.role === 'primary').map((c) => c.code),
    })),
  )
  return {
    ...summaryOf(row, members),
    items: members.map((member, i) => ({
      article: member.article,
      at: new Date(member.at).toISOString(),
      origin: member.origin,
      evidence: perArticle[i] ?? [],
    })),
    evidence,
    correspondents: mostFirst(members.flatMap((m) => m.article.correspondents.map((c) => c.name))),
  }
}

function mostFirst(values: string[]): string[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value)
}
