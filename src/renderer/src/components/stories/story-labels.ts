const languages = new Intl.DisplayNames(['en'], { type: 'language' })
const regions = new Intl.DisplayNames(['en'], { type: 'region' })

/** "Russian" for ru; the code itself when the browser does not know it. */
export function languageName(code: string): string {
  try {
    return languages.of(code) ?? code
  } catch {
    return code
  }
}

export function countryLabel(code: string): string {
  try {
    return regions.of(code) ?? code
  } catch {
    return code
  }
}

/** "3 Nov, 08:15" in the person's locale. */
export function storyTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
