import { fileURLToPath } from 'node:url'
import { openApp, type DatelineApp } from '../app'
import { printUpgradeProgress } from './library-commands'
import { createWorkerExtractor, defaultWorkerPath } from '../ingest/extractor'
import { extractOnly } from '../ingest/capture'
import { isLoopback, resolveListenAddress } from '../serve/auth'
import { startBrowserHost } from '../serve/browser-host'
import { startLocalEndpoint } from '../serve/local-endpoint'
import { formatArticle } from './format'
import { sourceFromArgument } from './source-argument'
import { positiveInteger, UsageError } from './usage-error'

export async function extractArticle(arg: string, json: boolean): Promise<number> {
  const extractor = createWorkerExtractor({ workerPath: defaultWorkerPath() })
  try {
    const extracted = await extractOnly(await sourceFromArgument(arg), { extractor, fetch })
    console.log(
      json
        ? JSON.stringify(extracted, null, 2)
        : formatArticle({ ...extracted, addedAt: '', publishedAt: extracted.publishedAt } as never),
    )
    return 0
  } finally {
    await extractor.close()
  }
}

export async function serve(
  libraryDir: string,
  values: { port?: string | undefined; host?: string | undefined; 'allow-remote'?: boolean },
): Promise<number> {
  const asked = values.host ?? '127.0.0.1'
  const host = await resolveListenAddress(asked)
  if (!isLoopback(host) && !values['allow-remote']) {
    const shown = host === asked ? asked : `${asked} (${host})`
    throw new UsageError(
      `serving on ${shown} would let other machines reach your library; add --allow-remote if that is what you want`,
    )
  }
  const port = values.port ? positiveInteger(values.port, '--port') : 4417
  const app: DatelineApp = await openApp({
    libraryDir,
    progress: printUpgradeProgress,
    backupAfterMs: 60_000,
    host: true,
  })
  const browserHost = await startBrowserHost({
    app,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    host,
    port,
  })
  // So that `dateline add` in another terminal reaches this process instead of being refused.
  const endpoint = await startLocalEndpoint(app, app.library.layout).catch(() => null)
  if (!isLoopback(host)) {
    console.error(
      `warning: Dateline is listening on ${host}: anyone who can reach this machine and has the link can read and change your library.`,
    )
  }
  console.log(`Dateline is serving ${libraryDir}`)
  console.log(`Open ${browserHost.url}`)
  console.log('Press Ctrl+C to stop.')
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await endpoint?.close()
  await browserHost.close()
  await app.close()
  return 0
}
