/**
 * The few WebExtension APIs this extension uses, as Chromium and Firefox (MV3, promise-based
 * `chrome.*`) both provide them. Declared here rather than by @types/chrome: a dozen signatures
 * are easier to check against both browsers than a package that describes Chrome alone.
 */
declare namespace chrome {
  namespace runtime {
    const id: string
    const lastError: { message?: string } | undefined
    function getURL(path: string): string
    function sendMessage<T = unknown>(message: unknown): Promise<T>
    const onInstalled: ChromeEvent<() => void>
    const onStartup: ChromeEvent<() => void>
    const onMessage: ChromeEvent<
      (
        message: unknown,
        sender: { id?: string; url?: string },
        reply: (answer: unknown) => void,
      ) => boolean | void
    >
  }
  namespace storage {
    interface Area {
      get(keys: string | string[]): Promise<Record<string, unknown>>
      set(items: Record<string, unknown>): Promise<void>
      remove(keys: string | string[]): Promise<void>
    }
    const local: Area
  }
  namespace tabs {
    interface Tab {
      id?: number
      url?: string
      title?: string
      active: boolean
    }
    function query(query: { active?: boolean; currentWindow?: boolean; url?: string }): Promise<Tab[]>
    function get(tabId: number): Promise<Tab>
  }
  namespace scripting {
    function executeScript<T>(injection: {
      target: { tabId: number }
      func: () => T
      world?: 'ISOLATED'
    }): Promise<{ result?: T }[]>
  }
  namespace contextMenus {
    interface OnClickData {
      menuItemId: string | number
      linkUrl?: string
      pageUrl?: string
    }
    function create(properties: { id: string; title: string; contexts: string[] }): void
    function removeAll(): Promise<void>
    const onClicked: ChromeEvent<(info: OnClickData, tab?: tabs.Tab) => void>
  }
  namespace commands {
    const onCommand: ChromeEvent<(command: string, tab?: tabs.Tab) => void>
  }
  namespace alarms {
    function create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void>
    const onAlarm: ChromeEvent<(alarm: { name: string }) => void>
  }
  namespace action {
    function setBadgeText(details: { text: string }): Promise<void>
    function setBadgeBackgroundColor(details: { color: string }): Promise<void>
    function setTitle(details: { title: string }): Promise<void>
  }
  interface ChromeEvent<F> {
    addListener(listener: F): void
  }
}
