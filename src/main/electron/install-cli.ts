import { execFile } from 'node:child_process'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

/**
 * "Install Command-Line Tool…": puts `dateline` on the PATH, pointing at the installed app, which
 * runs the CLI when given a command (see cli-mode.ts). The deb does this itself (/usr/bin/dateline).
 */
export type CliInstallPlan =
  | { kind: 'symlink'; link: string; target: string; needsAdmin: boolean }
  | { kind: 'script'; path: string; content: string }
  | { kind: 'packaged'; message: string }

export function cliInstallPlan(
  platform: NodeJS.Platform,
  execPath: string,
  env: NodeJS.ProcessEnv,
  home: string,
): CliInstallPlan {
  if (platform === 'darwin') {
    // /usr/local/bin is on every macOS PATH; on Apple silicon it may not exist and needs an admin.
    return { kind: 'symlink', link: '/usr/local/bin/dateline', target: execPath, needsAdmin: true }
  }
  if (platform === 'win32') {
    // WindowsApps is on each user's PATH since Windows 10, and the user may write to it.
    const folder = join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Microsoft', 'WindowsApps')
    return {
      kind: 'script',
      path: join(folder, 'dateline.cmd'),
      content: `@echo off\r\n"${execPath}" %*\r\n`,
    }
  }
  if (env.APPIMAGE) {
    return {
      kind: 'symlink',
      link: join(home, '.local', 'bin', 'dateline'),
      target: env.APPIMAGE,
      needsAdmin: false,
    }
  }
  return {
    kind: 'packaged',
    message: 'The Dateline package already installs the dateline command (/usr/bin/dateline).',
  }
}

/** The shell command an administrator's prompt runs on macOS; paths quoted for /bin/sh. */
export function adminLinkCommand(link: string, target: string): string {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  return `mkdir -p ${quote(dirname(link))} && ln -sfn ${quote(target)} ${quote(link)}`
}

/** Carries out the plan; returns where `dateline` now is. */
export async function installCli(plan: CliInstallPlan): Promise<string> {
  if (plan.kind === 'packaged') return plan.message
  if (plan.kind === 'script') {
    await mkdir(dirname(plan.path), { recursive: true })
    await writeFile(plan.path, plan.content, 'utf8')
    return plan.path
  }
  try {
    await mkdir(dirname(plan.link), { recursive: true })
    await rm(plan.link, { force: true })
    await symlink(plan.target, plan.link)
  } catch (error) {
    const denied =
      (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM'
    if (!denied || !plan.needsAdmin) throw error
    const script = `do shell script ${JSON.stringify(adminLinkCommand(plan.link, plan.target))} with administrator privileges`
    await promisify(execFile)('/usr/bin/osascript', ['-e', script])
  }
  return plan.link
}
