/** Runs at most `limit` tasks at once; the others wait their turn in order. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

/** One limiter per key (a host), made on first use. */
export function createKeyedLimiter(limit: number): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const limiters = new Map<string, { run: ReturnType<typeof createLimiter>; users: number }>()
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const entry = limiters.get(key) ?? { run: createLimiter(limit), users: 0 }
    limiters.set(key, entry)
    entry.users++
    try {
      return await entry.run(task)
    } finally {
      if (--entry.users === 0) limiters.delete(key)
    }
  }
}
