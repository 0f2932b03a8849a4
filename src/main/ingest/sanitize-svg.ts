import sanitizeHtml from 'sanitize-html'
import svgAllowList from './svg-allow-list.json'

/**
 * An SVG picture is a document that can run scripts when it is opened on its own (from the library
 * folder, or by a host that forgets its CSP). Stored SVGs keep only drawing: the elements and
 * presentation attributes of an allow-list (data in svg-allow-list.json), references only to
 * fragments inside the same picture (`#id`, `url(#id)`), no script, no event handler, no
 * foreignObject, no style (CSS can fetch with url()), no external image or font. Returns null
 * when nothing that draws is left, so the picture becomes a placeholder.
 */
export function sanitizeSvg(source: string): string | null {
  const clean = sanitizeHtml(source, {
    allowedTags: svgAllowList.elements,
    allowedAttributes: { '*': svgAllowList.attributes },
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: [],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'foreignObject', 'iframe', 'noscript'],
    parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false, decodeEntities: true },
    transformTags: { '*': (tagName, attribs) => ({ tagName, attribs: keepLocalReferences(attribs) }) },
  }).trim()
  if (!/^<svg[\s>]/.test(clean)) return null
  return clean.includes('xmlns=') ? clean : clean.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"')
}

const LOCAL_URL = /^url\(\s*['"]?#[\w.:-]+['"]?\s*\)$/
const ANY_URL = /url\s*\(/i

/** href and xlink:href only to `#fragment`; a value with url() only when it points inside. */
function keepLocalReferences(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {}
  for (const [name, value] of Object.entries(attribs)) {
    if (name === 'href' || name === 'xlink:href') {
      if (/^#[\w.:-]+$/.test(value.trim())) kept[name] = value.trim()
      continue
    }
    if (ANY_URL.test(value) && !LOCAL_URL.test(value.trim())) continue
    kept[name] = value
  }
  return kept
}
