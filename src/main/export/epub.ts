import { randomUUID } from 'node:crypto'
import type { Article } from '@shared/article'
import { imageContentTypes, rewriteStoredImageSources } from '@shared/media'
import { imageExtension } from '../ingest/image-type'
import { articlesOf, throwIfCancelled, type ExportRun } from './export-run'
import { languageTag, textDirection } from './text-direction'
import { htmlToXhtml, linkTarget, xmlAttribute, xmlText } from './xhtml'
import { ZipWriter } from './zip-writer'
import { withHighlights } from '../highlights/highlights-export'

/**
 * An EPUB 3 book of the selection, one chapter per article, written as the articles are read:
 * chapters and pictures go into the zip one by one, and only the list of chapters (titles, names)
 * is kept for the package document and the tables of contents written at the end. A navigation
 * document serves EPUB 3 readers, an NCX the older ones. Pictures of the formats every reader must
 * show (JPEG, PNG, GIF) go in once each however many chapters use them; others (WebP, AVIF, SVG,
 * BMP, icons) are left out with their description, since epubcheck 4 refuses them without a
 * fallback.
 */

const EPUB_IMAGE_TYPES = new Set(['jpg', 'png', 'gif'])

interface Chapter {
  file: string
  title: string
  lang: string | null
  dir: 'rtl' | 'ltr'
}

interface Picture {
  id: string
  href: string
  type: string
}

export interface EpubResult {
  articles: number
  pictures: number
}

export async function writeEpub(path: string, run: ExportRun): Promise<EpubResult> {
  const zip = new ZipWriter(path, run.startedAt)
  try {
    zip.addStored('mimetype', 'application/epub+zip')
    await zip.add('META-INF/container.xml', CONTAINER)
    await zip.add('OEBPS/style.css', STYLE)
    const chapters: Chapter[] = []
    const pictures = new Map<string, Picture | null>()
    for await (const stored of articlesOf(run)) {
      const article = withHighlights(run.library, stored)
      const chapter = await writeChapter(zip, article, chapters.length + 1, pictures, run)
      chapters.push(chapter)
      run.advance()
    }
    throwIfCancelled(run.signal)
    const book = bookFacts(run, chapters)
    const kept = [...pictures.values()].filter((p): p is Picture => p !== null)
    await zip.add('OEBPS/nav.xhtml', navDocument(book, chapters))
    await zip.add('OEBPS/toc.ncx', ncx(book, chapters))
    await zip.add('OEBPS/content.opf', packageDocument(book, chapters, kept))
    await zip.close()
    return { articles: chapters.length, pictures: kept.length }
  } catch (error) {
    await zip.abort()
    throw error
  }
}

async function writeChapter(
  zip: ZipWriter,
  article: Article,
  number: number,
  pictures: Map<string, Picture | null>,
  run: ExportRun,
): Promise<Chapter> {
  // Pictures first, so the chapter names only those that made it in.
  const used: string[] = []
  rewriteStoredImageSources(article.html, (path) => {
    used.push(path)
    return null
  })
  for (const mediaPath of used) {
    if (pictures.has(mediaPath)) continue
    pictures.set(mediaPath, await addPicture(zip, mediaPath, pictures.size + 1, run))
  }
  const lang = languageTag(article.lang)
  const dir = textDirection(lang, `${article.title} ${article.excerpt}`)
  const body = htmlToXhtml(article.html, {
    image: (mediaPath) => {
      const picture = pictures.get(mediaPath)
      return picture ? `../${picture.href}` : null
    },
  })
  const file = `chapters/c${String(number).padStart(5, '0')}.xhtml`
  const title = article.title.trim() || 'Untitled'
  await zip.add(`OEBPS/${file}`, chapterDocument(article, title, lang, dir, body))
  return { file, title, lang, dir }
}

async function addPicture(
  zip: ZipWriter,
  mediaPath: string,
  number: number,
  run: ExportRun,
): Promise<Picture | null> {
  const stated = mediaPath.slice(mediaPath.lastIndexOf('.') + 1)
  if (!EPUB_IMAGE_TYPES.has(stated)) return null
  const bytes = await run.library.media.read(mediaPath)
  // The bytes must be what the name says: readers and epubcheck refuse a mislabelled picture.
  if (!bytes || imageExtension(bytes) !== stated) {
    if (!bytes) run.warn(`A picture (${mediaPath}) is missing from the library folder.`)
    return null
  }
  const name = mediaPath.slice(mediaPath.lastIndexOf('/') + 1)
  const href = `images/${name}`
  // Pictures are compressed already; deflating them again costs time for nothing.
  await zip.add(`OEBPS/${href}`, bytes, { compress: false })
  return { id: `img${number}`, href, type: imageContentTypes[stated]! }
}

function chapterDocument(
  article: Article,
  title: string,
  lang: string | null,
  dir: 'rtl' | 'ltr',
  body: string,
): string {
  const langAttributes = lang ? ` lang="${xmlAttribute(lang)}" xml:lang="${xmlAttribute(lang)}"` : ''
  const named = article.correspondents.map((c) => c.name).filter((n) => n.trim())
  const people = named.length > 0 ? named : article.byline?.trim() ? [article.byline.trim()] : []
  const facts = [
    article.siteName,
    article.publishedAt ? `Published ${article.publishedAt.slice(0, 10)}` : null,
    `Saved ${article.addedAt.slice(0, 10)}`,
  ].filter((part): part is string => Boolean(part))
  const link = article.url ? linkTarget(article.url) : null
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${langAttributes} dir="${dir}">
<head>
<meta charset="UTF-8"/>
<title>${xmlText(title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css"/>
</head>
<body>
<section epub:type="chapter">
<h1>${xmlText(title)}</h1>
${people.length > 0 ? `<p class="correspondents">${xmlText(people.join(', '))}</p>\n` : ''}<p class="about">${xmlText(facts.join(' · '))}</p>
${link ? `<p class="source"><a href="${xmlAttribute(link)}">${xmlText(link)}</a></p>\n` : ''}<div class="body">${body}</div>
</section>
</body>
</html>
`
}

interface BookFacts {
  id: string
  title: string
  lang: string
  languages: string[]
  direction: 'rtl' | 'ltr'
  modified: string
}

/** The book's language is its chapters' most common one; it runs right to left when that one does. */
function bookFacts(run: ExportRun, chapters: Chapter[]): BookFacts {
  const counts = new Map<string, number>()
  for (const chapter of chapters) {
    if (chapter.lang) counts.set(chapter.lang, (counts.get(chapter.lang) ?? 0) + 1)
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang)
  const lang = ranked[0] ?? 'en'
  const rtl = chapters.filter((c) => c.dir === 'rtl').length
  return {
    id: `urn:uuid:${randomUUID()}`,
    title: run.title,
    lang,
    languages: ranked.length > 0 ? ranked : ['en'],
    direction: chapters.length > 0 && rtl * 2 > chapters.length ? 'rtl' : 'ltr',
    modified: `${run.startedAt.toISOString().slice(0, 19)}Z`,
  }
}

function navDocument(book: BookFacts, chapters: Chapter[]): string {
  const items = chapters
    .map((c) => `<li${itemLang(c)}><a href="${c.file}">${xmlText(c.title)}</a></li>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${book.lang}" xml:lang="${book.lang}" dir="${book.direction}">
<head>
<meta charset="UTF-8"/>
<title>${xmlText(book.title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>${xmlText(book.title)}</h1>
${chapters.length > 0 ? `<ol>\n${items}\n</ol>` : '<p>This export holds no articles.</p>'}
</nav>
</body>
</html>
`
}

function itemLang(chapter: Chapter): string {
  const lang = chapter.lang ? ` lang="${chapter.lang}" xml:lang="${chapter.lang}"` : ''
  return `${lang} dir="${chapter.dir}"`
}

function ncx(book: BookFacts, chapters: Chapter[]): string {
  const points = chapters
    .map(
      (c, i) =>
        `<navPoint id="p${i + 1}" playOrder="${i + 1}"><navLabel><text>${xmlText(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${book.lang}">
<head>
<meta name="dtb:uid" content="${book.id}"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${xmlText(book.title)}</text></docTitle>
<navMap>
${points || `<navPoint id="p1" playOrder="1"><navLabel><text>${xmlText(book.title)}</text></navLabel><content src="nav.xhtml"/></navPoint>`}
</navMap>
</ncx>
`
}

function packageDocument(book: BookFacts, chapters: Chapter[], pictures: Picture[]): string {
  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    ...chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`),
    ...pictures.map((p) => `<item id="${p.id}" href="${p.href}" media-type="${p.type}"/>`),
  ]
  const spine = ['<itemref idref="nav"/>', ...chapters.map((_c, i) => `<itemref idref="c${i + 1}"/>`)]
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${book.lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${book.id}</dc:identifier>
<dc:title>${xmlText(book.title)}</dc:title>
${book.languages.map((lang) => `<dc:language>${lang}</dc:language>`).join('\n')}
<dc:creator>Dateline</dc:creator>
<dc:date>${book.modified}</dc:date>
<meta property="dcterms:modified">${book.modified}</meta>
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine toc="ncx" page-progression-direction="${book.direction}">
${spine.join('\n')}
</spine>
</package>
`
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`

/** No fonts are named: the reader's own fit every script (Arabic, Hebrew, Chinese, Japanese...). */
const STYLE = `body { line-height: 1.5; }
h1 { line-height: 1.2; margin-bottom: 0.3em; }
.correspondents { font-weight: bold; margin: 0; }
.about, .source { font-size: 0.85em; margin: 0.2em 0; }
.source a { word-break: break-all; }
img { max-width: 100%; height: auto; }
figcaption { font-size: 0.85em; }
span.dateline-missing-image { font-style: italic; }
:lang(ja), :lang(zh) { line-break: strict; }
`
