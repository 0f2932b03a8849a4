/**
 * Runs the clean-up steps of one extraction so that a step which throws on an odd page is skipped,
 * not fatal: the article read without that step is better than no article. Which steps were
 * skipped is kept for the warnings.
 */
export class StepRunner {
  readonly skipped: string[] = []

  /** `fn`'s result, or `fallback` when it throws; `label` names the step in the person's words. */
  run<T>(label: string, fn: () => T, fallback: T): T {
    try {
      return fn()
    } catch {
      // Whatever the cause (a DOM quirk, a stack overflow on an odd tree), the step is skipped.
      if (!this.skipped.includes(label)) this.skipped.push(label)
      return fallback
    }
  }

  /** Runs a step that only changes the tree. */
  apply(label: string, fn: () => void): void {
    this.run(label, fn, undefined)
  }
}
