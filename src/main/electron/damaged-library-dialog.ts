import { dialog } from 'electron'
import { toErrorInfo } from '@shared/errors'
import { damagedDatabaseOf, recoverLibrary, type LibraryRecovery } from '../library/damaged-library'

/**
 * A window has no terminal to run `dateline restore-backup` in: when the library's database is
 * damaged, the app asks with buttons (nothing is changed until the person chooses) and does it.
 * Resolves true when the library can be opened again.
 */
export async function offerLibraryRecovery(libraryDir: string): Promise<boolean> {
  const damaged = await damagedDatabaseOf(libraryDir)
  if (!damaged) return false
  const choices: (LibraryRecovery | null)[] = [
    ...(damaged.backup ? [{ kind: 'restore' as const, backup: damaged.backup }] : []),
    { kind: 'rebuild' },
    null,
  ]
  const buttons = choices.map((choice) =>
    choice === null
      ? 'Quit'
      : choice.kind === 'restore'
        ? `Restore the backup of ${choice.backup.day}`
        : 'Rebuild from the article files',
  )
  const restoring = damaged.backup
    ? `Restoring the backup brings the library back as it was on ${damaged.backup.day}. `
    : 'There is no backup of the database yet. '
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: 'The library database is damaged',
    detail:
      `${restoring}Rebuilding recovers every article from its folder, without the read and ` +
      'starred marks and collections that only the database held. Nothing has been changed yet, ' +
      'and the damaged file is kept beside the new one either way.',
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  })
  const chosen = choices[response]
  if (!chosen) return false
  try {
    const told = await recoverLibrary(libraryDir, chosen, new Date())
    await dialog.showMessageBox({ type: 'info', message: told, buttons: ['Open the library'] })
    return true
  } catch (error) {
    dialog.showErrorBox('Dateline could not repair its library', toErrorInfo(error).message)
    return false
  }
}
