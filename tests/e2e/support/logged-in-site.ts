import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { solidPng } from './fixture-site'

/**
 * A news site whose article exists only for a logged-in reader and only once its script has run:
 * without the session cookie the page is a paywall teaser, and with it the page is an empty shell
 * that fetches the story (behind the same cookie) and builds the paragraphs and the picture. What
 * Dateline fetches by itself is the teaser; only the page as the browser rendered it has the story.
 */
export const SESSION_COOKIE = { name: 'fixture_session', value: 'reader-42' }
export const HEADLINE = 'The harbour reopens after the winter storms'
export const STORY_PARAGRAPHS = [
  'Fishing crews returned to the old harbour on Monday morning, three weeks after storms tore away the breakwater that has sheltered the town since the nineteenth century.',
  'Engineers worked through the nights to lay a temporary barrier of concrete blocks, and the port authority said the first boats could land their catch by the end of the week.',
  'Merchants along the quay, many of whom had closed their shutters during the storms, reopened to long queues of residents buying bread, fuel and nets before the next tide.',
  'The mayor told reporters that a permanent wall would take at least two years to build, and that the town would ask the regional government for help to pay for it.',
  'Older residents compared the damage with the great flood of 1953, when the sea reached the church steps and the harbour stayed closed for most of a season.',
  'By the afternoon the first trawler had tied up at the repaired pier, and children lined the harbour wall to watch the crew unload boxes of cod and haddock.',
]
export const PAYWALL_TEXT = 'Subscribe to keep reading this article.'

export interface LoggedInSite {
  origin: string
  articleUrl: string
  requests: { path: string; loggedIn: boolean }[]
  close(): Promise<void>
}

export async function startLoggedInSite(): Promise<LoggedInSite> {
  const requests: LoggedInSite['requests'] = []
  const picture = solidPng(640, 360, [30, 80, 120])
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const loggedIn = (request.headers.cookie ?? '').includes(`${SESSION_COOKIE.name}=${SESSION_COOKIE.value}`)
    requests.push({ path, loggedIn })
    const send = (type: string, body: string | Buffer, status = 200): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
    }
    if (path === '/world/harbour') return send('text/html; charset=utf-8', loggedIn ? shell() : teaser())
    if (path === '/app.js') return send('text/javascript', APP_SCRIPT)
    if (path === '/api/story') {
      if (!loggedIn) return send('application/json', '{"error":"login"}', 403)
      return send(
        'application/json',
        JSON.stringify({ paragraphs: STORY_PARAGRAPHS, picture: '/img/harbour.png' }),
      )
    }
    if (path === '/img/harbour.png') return send('image/png', picture)
    send('text/plain', 'not found', 404)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    articleUrl: `${origin}/world/harbour`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function head(): string {
  return `<meta charset="utf-8"><title>${HEADLINE} | Coast Gazette</title>
  <meta property="og:site_name" content="Coast Gazette">
  <meta property="article:published_time" content="2026-02-02T08:00:00Z">`
}

function shell(): string {
  return `<!doctype html><html lang="en"><head>${head()}</head><body>
  <nav><a href="/">Coast Gazette</a> <a href="/world">World</a></nav>
  <main><article id="story"><h1>${HEADLINE}</h1><p class="byline">By Marta Lindqvist</p></article></main>
  <script src="/app.js"></script></body></html>`
}

function teaser(): string {
  return `<!doctype html><html lang="en"><head>${head()}</head><body>
  <main><article><h1>${HEADLINE}</h1><p>${STORY_PARAGRAPHS[0]!.slice(0, 60)}…</p>
  <p class="paywall">${PAYWALL_TEXT}</p></article></main></body></html>`
}

const APP_SCRIPT = `
fetch('/api/story', { credentials: 'same-origin' })
  .then((response) => response.json())
  .then((story) => {
    const article = document.getElementById('story')
    const figure = document.createElement('figure')
    const img = document.createElement('img')
    img.src = story.picture
    img.alt = 'Boats in the harbour'
    figure.append(img)
    story.paragraphs.forEach((text, i) => {
      const p = document.createElement('p')
      p.textContent = text
      article.append(p)
      if (i === 1) article.append(figure)
    })
    document.body.dataset.storyReady = 'yes'
  })
`
