import { showToast } from '../ui/actions'

/**
 * What the person can take back, newest last: each delete (one article or a picked set) pushes
 * one step, Undo (the toast's button, Ctrl/⌘ Z) takes the newest back, and pressing it again
 * goes further back. The steps only ask the library to restore from its trash, so a step whose
 * article is already gone (the trash was emptied) fails with a message and is dropped.
 */
export interface UndoStep {
  /** What the toast said when it happened ("Article deleted"). */
  label: string
  /** The articles it brings back. */
  ids: readonly string[]
  undo: (ids: readonly string[]) => Promise<void>
}

/** Deep enough for a morning of clearing the list; older deletes are still in the Trash view. */
const MAX_STEPS = 50

const steps: { id: number; step: UndoStep }[] = []
let nextId = 1

export function undoDepth(): number {
  return steps.length
}

/** Records a step and offers it in a toast (its Undo button takes back exactly this step). */
export function pushUndo(step: UndoStep, testId = 'undo-delete'): void {
  const id = nextId++
  steps.push({ id, step })
  if (steps.length > MAX_STEPS) steps.shift()
  showToast(step.label, { label: 'Undo', testId, run: () => void undoStep(id) })
}

async function undoStep(id: number): Promise<void> {
  const at = steps.findIndex((entry) => entry.id === id)
  if (at < 0) return
  const [entry] = steps.splice(at, 1)
  await entry!.step.undo(entry!.step.ids)
}

/** Articles restored another way (the Trash view) leave the steps that would restore them. */
export function forgetUndoOf(restored: readonly string[]): void {
  const gone = new Set(restored)
  for (let at = steps.length - 1; at >= 0; at--) {
    const entry = steps[at]!
    const ids = entry.step.ids.filter((id) => !gone.has(id))
    if (ids.length === 0) steps.splice(at, 1)
    else entry.step = { ...entry.step, ids }
  }
}

/** Ctrl/⌘ Z: takes back the newest step; false when there is none. */
export function undoLatest(): boolean {
  const latest = steps.at(-1)
  if (!latest) return false
  void undoStep(latest.id)
  return true
}

/** For tests of the stack itself. */
export function clearUndo(): void {
  steps.splice(0)
}
