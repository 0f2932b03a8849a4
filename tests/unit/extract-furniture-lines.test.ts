import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { isBoilerplateLine, isCaptionLine, isTailStart } from '../../src/main/ingest/extract/boilerplate'
import { newsPage, STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

/*
 * Lines of page furniture that sit inside the story's container on real pages (rating widgets,
 * reading times, "related" headings, calls to follow or to get the app, comment counters, dates and
 * categories, advertisement labels, consent placeholders, author-box and contents headings) and
 * picture credits, in the languages the second development set and the world pages carry. Each
 * class is checked both ways: the furniture line goes, a sentence of a story using the same words
 * stays.
 */

function extract(article: string): ReturnType<typeof extractArticle> {
  return extractArticle({
    kind: 'html',
    html: newsPage(article),
    url: 'https://islandtimes.example/news/ferry-terminal',
  })
}

const FURNITURE: Record<string, string[]> = {
  ratings: [
    'War der Artikel nützlich?',
    '(Noch keine Bewertungen)',
    'Hier können Sie den Artikel bewerten',
    'Valora esta noticia',
    'Rate this article',
    'Оцените статью',
  ],
  'reading times': [
    '4 Min Read',
    'Lesezeit: 3 Minuten',
    'Temps de lecture : 2 min',
    'Ten tekst przeczytasz w mniej niż minutę',
    'Время чтения: 5 минут',
  ],
  'related headings': [
    'Weitere Beiträge zum Thema',
    'Empfohlene Beiträge',
    'Neueste Artikel',
    'meist-diskutiert',
    'Das Thema könnte dich auch interessieren:',
    'Mehr Themen:',
    'Audios et vidéos sur le sujet',
    'Похожие статьи',
  ],
  'calls to follow or get the app': [
    'For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.',
    'Get the latest news straight to your phone with the VI Consortium app.',
    '¡Mira lo que tiene nuestro canal de YouTube!',
    '¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular en este enlace.',
    'Abonnieren Sie unseren WhatsApp-Kanal für alle Neuigkeiten.',
    'Zapraszamy też do subskrypcji tygodnika w Sieci Przyjaciół',
    'Artikel gefallen? Vergiss nicht zu teilen!',
    'Submit your letter to the editor via this form. Read more Letters to the Editor.',
    'Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. Send us a message on WhatsApp or email us at the newsroom.',
  ],
  comments: [
    'Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)',
    'Kommentare insgesamt: 0',
    'No comments yet',
    'Aucun commentaire',
    'Нет комментариев',
    'Sie müssen eingeloggt sein, um Kommentare zu schreiben!',
  ],
  'dates and categories': [
    'Veröffentlichung: 2. Februar 2022',
    'Publiziert: 03.04.2020, 12:35',
    '7. oktober 2020',
    '12 marzo 2021',
    '3 марта 2023',
    'Kategorie: News',
    'News date : 04/21/2022 Category : Press Releases',
  ],
  'advertisement labels': [
    '- Anzeige-',
    'Anzeige:',
    'ANZEIGE - Heute mal ausgehen? Wie wäre es mit:',
    '— Publicité —',
  ],
  'consent placeholders': [
    'Externer Inhalt',
    'Empfohlener redaktioneller Inhalt',
    'Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Facebook her.',
    'Contenu externe',
  ],
  'author and contents headings': [
    'Über den Autor',
    'Autoren:',
    'Sobre el autor',
    'Inhaltsverzeichnis',
    'Sommaire',
  ],
  'labels of community posts, liability notes, sources headings': [
    'Bei diesem Beitrag handelt es sich um ein Blog aus der Community',
    'GIS NOW Grenada is not responsible for the opinions, statements or media content presented by contributors.',
    '(Alle Angaben ohne Gewähr)',
    'Quellenangaben:',
    'Sources',
  ],
  'read-more pointers': [
    '[czytaj więcej]',
    '... weiter zu "die Wortwahl"',
    'Weiterlesen »',
    '[Read more]',
    'Lade weitere Inhalte ...',
    'Weitere Tourentipps in Schweden',
    'Originalartikel:',
    'Weitere Infos unter www.itfjuniors.de.',
    'More information at https://www.harbour.example/ferries',
  ],
  'print, picture and basket buttons printed as text': [
    'Rezept drucken',
    'Print this recipe',
    'Bild anzeigen',
    'Der Artikel wurde erfolgreich hinzugefügt.',
    'Item added to your cart',
  ],
  'labels standing alone': [
    'Von:',
    'Permalink',
    'Kontakt',
    'Ansprechpartnerin zum Thema:',
    'Zusatzinformationen:',
    'Weitere Informationen zum Coronavirus in Thüringen:',
  ],
  'times, source addresses and agency credits alone': ['3:59 PM', 'BVINEWS.COM', 'aja/PAP', 'ps/dpa'],
  'post stamps and file-link notes': [
    'answered Feb 6, 2014 at 20:37',
    'PDF | 38 KB | Datei ist nicht barrierefrei',
    'Merkblatt zur Tabaksteuer (PDF, 240 KB)',
  ],
}

const CREDITS = [
  'Crédits photos : Bestimage',
  '(crédito: Minervino Júnior/CB/D.A.Press)',
  'Photograph by Ed Marshall, Redonda Restoration Programme',
  'Roman Prymula, photo: Archives du Gouvernement tchèque',
  'Son tres los periodos de vacaciones durante el año escolar. Foto: Andina',
  'Lee Elder war mit golferischem Talent gesegnet. | © Augusta National/Getty Images',
  'Beitragsbild:',
  'Abbildung 4: klassische Schwachschicht.',
  'Fot. Jan Kowalski',
]

const OPINION_NOTE =
  'The views and opinions expressed in the article do not necessarily reflect those of the paper.'

/** Sentences of stories that use the same words and must stay. */
const STORY_LINES = [
  'Readers were asked whether the article was useful, and most said the ratings of the new ferries were too low.',
  'The minister said the reading time of the report, about four minutes, was no excuse for ignoring it.',
  'Articles in the archive show that the harbour has flooded three times since 1990.',
  'The group announced on its Telegram channel that the protest would move to the harbour on Friday.',
  'Police said they had no comments from the operator, who refused to answer questions on Tuesday.',
  'On 2 February 2022 the court ruled that the contract had been signed without a proper tender.',
  'The advertisement campaign of the operator cost more than the new pier, the auditors found.',
  'Users download the app to buy tickets, but the latest figures show that most still pay at the quay.',
  'The table of contents of the report lists twelve chapters on the sea wall alone.',
  'The opinions expressed at the meeting are likely to delay the project by another year.',
  // The first set's annotators keep an opinion piece's note that its views are the author's.
  OPINION_NOTE,
  'Sources close to the contractor said the pier would cost twice the sum first agreed.',
  'Photographers waited at the quay, and the photo of the minister on the empty pier went round the island.',
  'Weitere Tipps zum Sparen finden Sie in unserem Ratgeber.',
  'Kontakt zu den Fischern hatte die Behörde seit dem Sommer nicht mehr.',
  'The ferry left at 4:15 PM, an hour late, and reached the island after dark.',
  'Weitere Informationen zum Fahrplan will die Behörde im Frühjahr veröffentlichen.',
]

describe('furniture lines inside the story', () => {
  for (const [kind, lines] of Object.entries(FURNITURE)) {
    it(`recognises ${kind} in several languages`, () => {
      for (const line of lines) expect(isBoilerplateLine(line), line).toBe(true)
    })
  }

  it('recognises picture credits and figure captions as captions', () => {
    for (const line of CREDITS) expect(isCaptionLine(line) || isBoilerplateLine(line), line).toBe(true)
  })

  it('does not take a story sentence with the same words for furniture or a caption', () => {
    for (const line of STORY_LINES) {
      expect(isBoilerplateLine(line), line).toBe(false)
      expect(isCaptionLine(line), line).toBe(false)
    }
  })

  it('removes the furniture from the middle of a story and keeps every paragraph', () => {
    const debris = Object.values(FURNITURE).map((lines) => lines[0] ?? '')
    const article = extract(`
      ${storyHtml(STORY_PARAGRAPHS.slice(0, 2))}
      ${debris.map((line) => `<p>${line}</p>`).join('\n')}
      ${storyHtml(STORY_PARAGRAPHS.slice(2))}
      ${STORY_LINES.map((line) => `<p>${line}</p>`).join('\n')}`)
    for (const line of debris) expect(article.text, line).not.toContain(line)
    for (const line of [...STORY_PARAGRAPHS, ...STORY_LINES]) expect(article.text).toContain(line)
  })
})

describe('picture credits and rating widgets named by their class', () => {
  it('keeps a credit named "copyright" or a caption named "dida" in the HTML, out of the text', () => {
    const article = extract(`
      <p>${STORY_PARAGRAPHS[0]}</p>
      <span class="picture-element"><img src="https://islandtimes.example/media/pier.jpg" alt="">
        <p class="image-annotation">Der neue Pier im Winter <em class="copyright">© Bundesrat | Frank Bräuer</em></p></span>
      <p class="dida">Grafico conta femmine con cuccioli 2019</p>
      ${storyHtml(STORY_PARAGRAPHS.slice(1))}`)
    expect(article.text).not.toContain('Frank Bräuer')
    expect(article.text).not.toContain('Grafico conta femmine')
    expect(article.html).toContain('Frank Bräuer')
    expect(article.text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('removes an affiliate note named so, and keeps the story and its opinion note around it', () => {
    const article = extract(`
      ${storyHtml()}
      <p class="aawp-disclaimer">Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links</p>
      <div class="disclaimer">${OPINION_NOTE}</div>`)
    expect(article.text).not.toContain('Affiliate Links')
    expect(article.text.split('\n\n')).toEqual([...STORY_PARAGRAPHS, OPINION_NOTE])
  })

  it('removes a star-rating widget inside the story but not a story about ratings', () => {
    const ratingStory =
      'The agency lowered the ratings of the ferry operator twice this year, citing the delays at the terminal.'
    const article = extract(`
      ${storyHtml()}
      <p>${ratingStory}</p>
      <span id="post-ratings-4373" class="post-ratings"><strong>Stimmen Sie ab</strong> 4,5 von 5 Sternen</span>`)
    expect(article.text).toContain(ratingStory)
    expect(article.text).not.toContain('Sternen')
  })
})

describe('a "related" heading that is also a boilerplate line', () => {
  it('still cuts the teasers after it at the end of the story', () => {
    const teaser =
      'Un peu partout en région parisienne, les lycéens se mobilisent contre les premières épreuves, et à Bobigny le blocus a duré toute la matinée devant les grilles.'
    const article = extract(`
      ${storyHtml()}
      <h2>Articles liés</h2>
      <div><h3>Contre les E3C, les élèves gagnent une première bataille</h3><p>${teaser}</p><p>Par Hervé Hinopay</p></div>`)
    expect(article.text).not.toContain('Articles liés')
    expect(article.text).not.toContain(teaser)
    expect(article.text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })
})

describe('headings the tail cut starts from', () => {
  it('are left to it, not removed as lines before it can cut the list after them', () => {
    for (const heading of [
      'Ähnliche Artikel',
      'Articles liés',
      'Artículos relacionados',
      'About the author',
    ]) {
      expect(isTailStart(heading), heading).toBe(true)
      expect(isBoilerplateLine(heading), heading).toBe(false)
    }
  })
})
