/**
 * Runs in the page (chrome.scripting, the extension's isolated world), so it must stand alone:
 * no imports, no closures. It only reads the DOM as the page's scripts left it and hands it back;
 * it never sees the token, and the page's own scripts cannot reach this world.
 */
export interface SerialisedPage {
  url: string
  title: string
  html: string
}

export function serialisePage(): SerialisedPage {
  const root = document.documentElement.cloneNode(true) as HTMLElement
  // Scripts have done their work; styles and preloads mean nothing to a reader.
  for (const node of root.querySelectorAll(
    'script, style, template, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"]',
  )) {
    node.remove()
  }
  // A picture the page loaded lazily may hold its address only in the property, not the attribute.
  const live = document.images
  const copies = root.querySelectorAll('img')
  if (live.length === copies.length) {
    copies.forEach((copy, i) => {
      const source = live[i]?.currentSrc
      if (source && !source.startsWith('blob:') && !copy.getAttribute('src')) copy.setAttribute('src', source)
    })
  }
  const doctype = document.doctype ? `<!doctype ${document.doctype.name}>\n` : ''
  return { url: location.href, title: document.title, html: doctype + root.outerHTML }
}
