import { Low } from 'lowdb'
import { defaultSettings, Settings, type SettingsPatch } from '@shared/settings'
import { AtomicJsonFile } from '../library/json-file'
import { SerialWriter } from '../library/serial-writer'

/** Reader preferences in the library's settings.json; unknown or out-of-range values fall back to defaults. */
export class SettingsStore {
  private readonly writer: SerialWriter

  private constructor(private readonly db: Low<Settings>) {
    this.writer = new SerialWriter(() => db.write())
  }

  static async open(path: string): Promise<SettingsStore> {
    const db = new Low<Settings>(new AtomicJsonFile(path), defaultSettings)
    await db.read()
    const parsed = Settings.safeParse({ ...defaultSettings, ...db.data })
    db.data = parsed.success ? parsed.data : { ...defaultSettings }
    return new SettingsStore(db)
  }

  get(): Settings {
    return { ...this.db.data }
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    this.db.data = Settings.parse({ ...this.db.data, ...patch })
    await this.writer.save()
    return this.get()
  }

  idle(): Promise<void> {
    return this.writer.idle()
  }
}
