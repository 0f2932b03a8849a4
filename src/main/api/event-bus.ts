import type { EventName, EventPayload } from '@shared/contract'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Fan-out of service events to every connected window (IPC) or browser (SSE). */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch {
        // One broken window must not stop the others from hearing the event.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
