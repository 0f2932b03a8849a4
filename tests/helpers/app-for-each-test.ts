import { afterEach, beforeEach, expect } from 'vitest'
import { openApp, type DatelineApp, type OpenAppOptions } from '../../src/main/app'
import { makeTempDir, removeDir } from './temp-library'

type AppOptions = Omit<OpenAppOptions, 'libraryDir'>

/** A fresh, empty library and the app open on it, made before each test and closed after it. */
export interface AppForEachTest {
  /** The app open on this test's library (after `reopen`, the new one). */
  app(): DatelineApp
  /** This test's library folder. */
  dir(): string
  /** Calls a procedure through the dispatcher and fails the test when it fails. */
  call<T>(name: string, input: unknown): Promise<T>
  /** Calls a procedure that must fail, and gives its error. */
  refused(name: string, input: unknown): Promise<{ code: string; message: string }>
  /** Closes the app, for a test that works on the library folder while no app holds it. */
  close(): Promise<void>
  /** Opens the same library again (closing the app first when it is open), as a restart does. */
  reopen(more?: AppOptions): Promise<DatelineApp>
}

/** Calls a procedure of `app` through its dispatcher and fails the test when the call fails. */
export async function callOrFail<T>(app: DatelineApp, name: string, input: unknown): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

/**
 * Registers the hooks of a test file whose every test wants its own library: a temp folder and
 * `openApp` on it before each test (extraction inline unless `options` say otherwise), the app
 * closed and the folder removed after it.
 */
export function appForEachTest(options: AppOptions = {}): AppForEachTest {
  let dir: string | undefined
  let app: DatelineApp | undefined
  const open = (more: AppOptions = {}): Promise<DatelineApp> =>
    openApp({ extraction: 'inline', ...options, ...more, libraryDir: current.dir() })

  const current: AppForEachTest = {
    app() {
      if (!app) throw new Error('The app opens before each test; it is not open here')
      return app
    },
    dir() {
      if (!dir) throw new Error('The library folder is made before each test; there is none here')
      return dir
    },
    call<T>(name: string, input: unknown): Promise<T> {
      return callOrFail<T>(current.app(), name, input)
    },
    async refused(name: string, input: unknown): Promise<{ code: string; message: string }> {
      const result = await current.app().dispatch(name, input)
      if (result.ok) expect.fail(`${name} should have been refused`)
      return result.error
    },
    async close(): Promise<void> {
      const closing = app
      app = undefined
      await closing?.close()
    },
    async reopen(more: AppOptions = {}): Promise<DatelineApp> {
      await current.close()
      app = await open(more)
      return app
    },
  }

  beforeEach(async () => {
    dir = await makeTempDir()
    app = await open()
  })
  afterEach(async () => {
    await current.close()
    await removeDir(dir)
    dir = undefined
  })
  return current
}
