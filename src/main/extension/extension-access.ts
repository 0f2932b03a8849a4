import type { PairedExtension } from '@shared/extension'
import { DatelineError } from '@shared/errors'
import { PairedExtensions } from './paired-extensions'
import { PairingCodes } from './pairing-codes'

/** Who may call /extension/v1/*: the code on show while pairing, and the extensions paired since. */
export class ExtensionAccess {
  readonly codes: PairingCodes

  private constructor(
    readonly paired: PairedExtensions,
    now: () => Date,
  ) {
    this.codes = new PairingCodes(now)
  }

  static async open(path: string, now: () => Date): Promise<ExtensionAccess> {
    return new ExtensionAccess(await PairedExtensions.open(path, now), now)
  }

  /** The person typed the code into the extension at `origin`: its token, or why not. */
  async pair(
    code: string,
    name: string,
    origin: string,
  ): Promise<{ token: string; extension: PairedExtension }> {
    const outcome = this.codes.redeem(code)
    if (outcome === 'paired') return this.paired.add(name, origin)
    const why = {
      wrong: 'That is not the code Dateline shows. Check it and type it again.',
      expired: 'That code has expired. Ask Dateline for a new one (Settings → Browser extension → Pair).',
      none: 'Dateline is not pairing right now. Open Settings → Browser extension in Dateline and choose Pair to get a code.',
    }[outcome]
    throw new DatelineError('UNAUTHORIZED', why)
  }

  idle(): Promise<void> {
    return this.paired.idle()
  }
}
