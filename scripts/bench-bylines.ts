import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { withCorrespondents } from '../src/main/ingest/credit-extracted'
import { extractArticle } from '../src/main/ingest/extract'
import {
  articleExtractionDir,
  articleExtractionIds,
  readTrafilaturaPage,
  trafilaturaEntries,
  trafilaturaEvalDir,
} from '../tests/fixtures/benchmark-pages'
import { creditedOnRealPage, realPageLabels, sameCorrespondents } from '../tests/fixtures/real-page-labels'

/*
 * Who wrote it, on the 538 pages of trafilatura-eval whose annotation names an author, scored by the
 * set's own score.mjs (exact list joined with "; ", and names F1). Two predictions are scored: the
 * byline extraction had before correspondents (one string, as `byline`), and the correspondents;
 * then the exact list of names on the development part and on the held-out part (see isHeldOut).
 * `npm run bench:bylines`; DATELINE_TRAFILATURA_BENCH points at another copy of the set;
 * `npm run bench:bylines -- --misses` lists the development part's pages whose exact list is wrong;
 * `--no-author` also runs the 313 pages annotated without an author (share given an empty list).
 * `--real-pages` scores instead the 181 pages of article-extraction against the correspondents a
 * reader credits on each (tests/fixtures/correspondents/article-extraction-labels.json): the exact
 * list per page on the development and held-out parts, then the development part's misses
 * (`--all-misses` lists the held-out part's too, for checking the labels, not for tuning).
 */

interface Prediction {
  text: string
  authors: string[]
}

function main(): void {
  if (process.argv.includes('--real-pages')) {
    realPages()
    return
  }
  const dir = trafilaturaEvalDir()
  const entries = trafilaturaEntries(dir)
  if (entries === null || !existsSync(join(dir, 'score.mjs'))) {
    console.log(`No trafilatura-eval benchmark at ${dir}; skipped.`)
    return
  }
  const bylines: Record<string, Prediction> = {}
  const credited: Record<string, Prediction> = {}
  const misses: { id: string; text: string }[] = []
  const goldOf: Record<string, string> = {}
  let pages = 0
  const started = performance.now()
  for (const [url, entry] of entries) {
    const gold = (entry as { author?: string | string[] }).author
    const goldText = Array.isArray(gold) ? gold.join('; ') : (gold ?? '').trim()
    if (goldText === '') continue
    pages += 1
    const page = readTrafilaturaPage(url, entry, dir)
    goldOf[page.id] = goldText
    const request = { kind: 'html' as const, html: page.html, url: page.url }
    try {
      const article = withCorrespondents(extractArticle(request), request)
      bylines[page.id] = { text: '', authors: article.byline === null ? [] : [article.byline] }
      const names = article.correspondents.map((c) => c.name)
      credited[page.id] = { text: '', authors: names }
      // A miss is a page whose exact list is wrong (raw annotation strings are not misses).
      if (!sameNames(goldText, names))
        misses.push({ id: page.id, text: `${page.id}\n    gold: ${goldText}\n    got:  ${names.join('; ')}` })
    } catch {
      bylines[page.id] = { text: '', authors: [] }
      credited[page.id] = { text: '', authors: [] }
    }
  }
  const perPage = (performance.now() - started) / Math.max(1, pages)
  console.log(
    `== Correspondents on trafilatura-eval: ${pages} pages with an author (${perPage.toFixed(0)} ms a page)`,
  )
  console.log(`  byline alone:    ${authorLine(dir, bylines, 'bench-bylines-byline.json')}`)
  console.log(`  correspondents:  ${authorLine(dir, credited, 'bench-bylines-correspondents.json')}`)
  for (const part of ['development', 'held-out'] as const) {
    const ids = Object.keys(credited).filter((id) => isHeldOut(id) === (part === 'held-out'))
    const right = ids.filter((id) => sameNames(goldOf[id] ?? '', credited[id]?.authors ?? [])).length
    console.log(
      `  exact list, ${part} (${ids.length} pages): ${(right / Math.max(1, ids.length)).toFixed(3)}`,
    )
  }
  if (process.argv.includes('--no-author')) {
    const unsigned = emptyOnUnsigned(dir, entries)
    console.log(`  ${unsigned.line}`)
    // The development part's unsigned pages given a name, when misses are asked for.
    if (process.argv.includes('--misses'))
      for (const miss of unsigned.misses.filter((m) => !isHeldOut(m.id))) console.log(`  ${miss.text}`)
  }
  // Only the development part's misses: the held-out part is for measuring, never for reading.
  if (process.argv.includes('--misses'))
    for (const miss of misses.filter((m) => !isHeldOut(m.id))) console.log(`  ${miss.text}`)
}

/** Set 1 against its labels: exact lists (names, then names and kinds) per part, and the misses. */
function realPages(): void {
  const dir = articleExtractionDir()
  const ids = articleExtractionIds(dir)
  if (ids === null) {
    console.log(`No article-extraction benchmark at ${dir}; skipped.`)
    return
  }
  const labels = realPageLabels()
  const parts = {
    development: { pages: 0, names: 0, kinds: 0 },
    'held-out': { pages: 0, names: 0, kinds: 0 },
  }
  const misses: string[] = []
  const started = performance.now()
  for (const id of ids) {
    const label = labels.get(id)
    if (label === undefined) continue
    const { url, correspondents: got } = creditedOnRealPage(id, dir)
    const part = parts[label.part]
    part.pages += 1
    const names = sameCorrespondents(label.correspondents, got, false)
    if (names) part.names += 1
    if (sameCorrespondents(label.correspondents, got, true)) part.kinds += 1
    if (!names && (label.part === 'development' || process.argv.includes('--all-misses'))) {
      const show = (list: { name: string; kind: string }[]): string =>
        list.map((c) => `${c.name} (${c.kind})`).join('; ') || '(none)'
      misses.push(
        `${id.slice(0, 12)} ${label.part === 'held-out' ? '[held-out] ' : ''}${url ?? ''}\n` +
          `    label: ${show(label.correspondents)}${label.note === '' ? '' : `  [${label.note}]`}\n` +
          `    got:   ${show(got)}`,
      )
    }
  }
  const perPage = (performance.now() - started) / Math.max(1, ids.length)
  console.log(
    `== Correspondents on article-extraction: ${labels.size} labelled pages (${perPage.toFixed(0)} ms a page)`,
  )
  for (const [name, part] of Object.entries(parts)) {
    const share = (n: number): string => (n / Math.max(1, part.pages)).toFixed(3)
    console.log(
      `  exact list, ${name} (${part.pages} pages): ${share(part.names)} (${part.names}); with kinds ${share(part.kinds)}`,
    )
  }
  const all = parts.development.names + parts['held-out'].names
  console.log(`  exact list, all: ${all}/${parts.development.pages + parts['held-out'].pages}`)
  if (misses.length > 0) console.log(`  misses:\n  ${misses.join('\n  ')}`)
}

/**
 * The pages annotated with an empty author: how many are given an empty list (not the site's name,
 * not a date). Annotators leave some signed pages blank too, so the figure's ceiling is below 1.
 */
function emptyOnUnsigned(
  dir: string,
  entries: NonNullable<ReturnType<typeof trafilaturaEntries>>,
): { line: string; misses: { id: string; text: string }[] } {
  let pages = 0
  let empty = 0
  const misses: { id: string; text: string }[] = []
  for (const [url, entry] of entries) {
    const gold = (entry as { author?: string | string[] }).author
    if (gold === undefined || (Array.isArray(gold) ? gold.join('') : gold).trim() !== '') continue
    pages += 1
    const page = readTrafilaturaPage(url, entry, dir)
    const request = { kind: 'html' as const, html: page.html, url: page.url }
    try {
      const names = withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
      if (names.length === 0) empty += 1
      else misses.push({ id: page.id, text: `${page.id}\n    gold: (none)\n    got:  ${names.join('; ')}` })
    } catch {
      empty += 1
    }
  }
  return {
    line: `empty list on pages annotated without an author (${pages}): ${(empty / Math.max(1, pages)).toFixed(3)}`,
    misses,
  }
}

/**
 * A quarter of the pages, chosen by a hash of their file name, is held out: fixes are made by
 * looking at the other three quarters only, so the held-out figure says how they carry.
 */
function isHeldOut(id: string): boolean {
  return (createHash('sha256').update(id).digest()[0] ?? 0) % 4 === 0
}

/**
 * The annotation's raw string ("Von Roland Brockmann und Sebastian Drescher") against the names
 * credited, as sets of names after score.mjs's own light normalisation (its names F1 reads them
 * so): the exact list a reader would credit, which the scorer's "exact" (the joined string) is not.
 */
function sameNames(gold: string, got: string[]): boolean {
  const names = (v: string | string[]): Set<string> =>
    new Set(
      (Array.isArray(v) ? v : v.split(/;|,|\s+(?:und|and|&|et|y)\s+/i))
        .map((n) =>
          n
            .replace(/^\s*(von|by|par|por|di|de)\s+/i, '')
            .trim()
            .toLowerCase(),
        )
        .filter(Boolean),
    )
  const g = names(gold)
  const q = names(got)
  return g.size === q.size && [...g].every((name) => q.has(name))
}

function authorLine(dir: string, predictions: Record<string, Prediction>, file: string): string {
  mkdirSync(resolve('.bench'), { recursive: true })
  const path = resolve('.bench', file)
  writeFileSync(path, JSON.stringify(predictions, null, 1))
  const scored = spawnSync(process.execPath, [join(dir, 'score.mjs'), path], { encoding: 'utf8' })
  return (
    `${scored.stdout}${scored.stderr}`
      .split('\n')
      .find((line) => line.startsWith('authors:'))
      ?.replace(/^authors:\s*/, '') ?? 'no score'
  )
}

main()
