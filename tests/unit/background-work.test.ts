import { describe, expect, it } from 'vitest'
import { BackgroundWork, LONGEST_DEFERRAL_MS } from '../../src/main/api/background-work'

/** A call of the person's that stays in flight until `finish` is called. */
function heldCall(work: BackgroundWork): { finish: () => void; done: Promise<void> } {
  let finish = (): void => undefined
  const done = work.foreground(() => new Promise<void>((resolve) => (finish = resolve)))
  return { finish, done }
}

function settled(promise: Promise<unknown>): Promise<boolean> {
  let is = false
  void promise.then(() => (is = true))
  return new Promise((resolve) => setTimeout(() => resolve(is), 30))
}

describe('background work gives way to the person', () => {
  it('takes its turn at once when no call is in flight', async () => {
    const work = new BackgroundWork(true)
    expect(await settled(work.nextTurn())).toBe(true)
  })

  it('waits while a call is in flight and goes on as soon as it ends', async () => {
    const work = new BackgroundWork(true)
    const call = heldCall(work)
    const turn = work.nextTurn()
    expect(await settled(turn), 'held back while the call waits for its disk or worker').toBe(false)
    const ended = performance.now()
    call.finish()
    await call.done
    await turn
    expect(performance.now() - ended).toBeLessThan(LONGEST_DEFERRAL_MS / 2)
  })

  it('is slowed, not stopped, by a call that lasts', async () => {
    const work = new BackgroundWork(true)
    const call = heldCall(work)
    const started = performance.now()
    await work.nextTurn()
    const waited = performance.now() - started
    expect(waited).toBeGreaterThanOrEqual(LONGEST_DEFERRAL_MS - 20)
    expect(waited).toBeLessThan(LONGEST_DEFERRAL_MS * 4)
    call.finish()
    await call.done
  })

  it('does not hold back the work a call itself waits for', async () => {
    const work = new BackgroundWork(true)
    const turns = async (): Promise<number> => {
      const started = performance.now()
      for (let i = 0; i < 5; i++) await work.nextTurn()
      return performance.now() - started
    }
    const took = await work.foreground(() => work.awaitingBackground(turns))
    expect(took, 'five turns, none of them deferred').toBeLessThan(LONGEST_DEFERRAL_MS)
  })

  it('lets a held-back turn go when the library closes', async () => {
    const work = new BackgroundWork(true)
    const call = heldCall(work)
    let stopped = false
    const turn = work.nextTurn().then(() => stopped)
    work.onStop(async () => {
      stopped = true
    })
    const started = performance.now()
    await work.stopAll()
    expect(await turn, 'the turn sees that its work is stopped').toBe(true)
    expect(performance.now() - started).toBeLessThan(LONGEST_DEFERRAL_MS / 2)
    call.finish()
    await call.done
  })
})
