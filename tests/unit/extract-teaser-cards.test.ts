import { describe, expect, it } from 'vitest'
import { extractInNewsPage, STORY_PARAGRAPH_ELEMENTS, STORY_PARAGRAPHS } from '../fixtures/extract-pages'

/*
 * Cards pointing to other stories inside the story's container ("more from this section", "next
 * story", a teaser between paragraphs): a linked headline and a line of excerpt. They go whatever
 * their class names when the page prints several alike, or when they are named as teasers; boxes of
 * the story shaped alike (a list opening with linked names, one linked subheading, a listicle made
 * of such boxes) stay.
 */

const [first, second, third, fourth, fifth] = STORY_PARAGRAPH_ELEMENTS
/** More of the story after the cards: a news story is longer than the row of cards inside it. */
const LATER_PARAGRAPHS = [
  'The opposition said the delay would cost the island a summer of tourism, and asked the minister to publish the contractor’s report before the next sitting of parliament.',
  'Shop owners on the waterfront, who had planned for the opening, said they would ask the council to waive this year’s fees for the terraces facing the old quay.',
  'The authority said that a temporary waiting room would be put up beside the current terminal, with seats for three hundred passengers and a covered walkway to the ships.',
  'Work on the northern pier is to resume next month, once the divers have finished surveying the foundations that the storms of last winter undermined.',
].map((p) => `<p>${p}</p>`)
const later = LATER_PARAGRAPHS.join('\n')

function card(headline: string, excerpt: string, cls = 'box-7f'): string {
  return `<div class="${cls}"><h3><a href="/news/${headline.length}">${headline}</a></h3>
<p><span class="stamp">03.04.2024</span>${excerpt}</p></div>`
}

describe('teaser cards inside the story', () => {
  it('drops a row of cards alike, whatever their class, in any language', () => {
    const cards = [
      card(
        'Neue Fähre für die Nordroute',
        'Die Reederei stellt im Sommer ein zweites Schiff in Dienst, das mehr Fahrgäste, Autos und Fahrräder aufnehmen kann, und verspricht kürzere Wartezeiten am Hafen, auch an den Wochenenden …',
      ),
      card(
        'Le port agrandit son quai',
        'Les travaux commenceront au printemps, selon la mairie, qui promet de garder le marché ouvert, de déplacer les bus et de limiter le bruit pendant les nuits d’été …',
      ),
      card(
        'Nowy rozkład rejsów od maja',
        'Przewoźnik zapowiada więcej połączeń w weekendy, tańsze bilety dla mieszkańców wyspy, nowe miejsca dla rowerów oraz dłuższe godziny otwarcia kas na nabrzeżu …',
      ),
    ].join('\n')
    const text = extractInNewsPage(
      `${first}${second}<div class="grid">${cards}</div>${third}${fourth}${fifth}${later}`,
    ).text
    expect(text).not.toContain('zweites Schiff')
    expect(text).not.toContain('Les travaux commenceront')
    expect(text).not.toContain('Przewoźnik zapowiada')
    for (const paragraph of STORY_PARAGRAPHS) expect(text).toContain(paragraph)
  })

  it('drops one card named as a teaser, also when the whole card is one link', () => {
    const teaser = `<section class="box teaser"><a href="/ratgeber/batterie"><figure><img src="/b.jpg" alt=""></figure>
<p><span class="teaser__roofline">Ratgeber Winter</span> <span class="teaser__headline">So kommt die Batterie durch die kalte Jahreszeit</span></p></a></section>`
    const text = extractInNewsPage(`${first}${second}${teaser}${third}${fourth}${fifth}${later}`).text
    expect(text).not.toContain('So kommt die Batterie')
    for (const paragraph of STORY_PARAGRAPHS) expect(text).toContain(paragraph)
  })

  it('keeps a list whose items open with a linked name on the same line', () => {
    const list = `<ul>
<li><a href="https://stats.example/report">The national statistics office</a> counted 40,000 passengers last summer.</li>
<li><a href="https://port.example/plan">The port authority's plan</a> foresees a second quay by 2028.</li>
</ul>`
    const text = extractInNewsPage(`${first}${second}${list}${third}${fourth}${fifth}`).text
    expect(text).toContain('counted 40,000 passengers last summer')
    expect(text).toContain('foresees a second quay by 2028')
  })

  it('keeps a single box with a linked subheading that is not named as a teaser', () => {
    const box = `<div class="box-7f"><h3><a href="/dossier/harbour">The harbour dossier in full</a></h3>
<p>The court ruling that settled the dispute runs to ninety pages, and it sets out, clause by clause, who pays for the sea wall, who maintains it, and what happens if the winter storms damage it again.</p></div>`
    const text = extractInNewsPage(`${first}${second}${box}${third}${fourth}${fifth}`).text
    expect(text).toContain('The court ruling that settled the dispute runs to ninety pages')
  })

  it('keeps a listicle made of such boxes: they are the story', () => {
    const places = ['Gozo', 'Comino', 'Marsaxlokk', 'Mdina', 'Sliema', 'Birgu'].map((place) =>
      card(
        `Where to stay in ${place} this spring`,
        `${place} has quiet guesthouses near the water, and the ferry brings you there in under an hour from the terminal.`,
        'entry',
      ),
    )
    const text = extractInNewsPage(
      `<p>Six places for a week away from the crowds.</p>${places.join('\n')}`,
    ).text
    expect(text).toContain('Gozo has quiet guesthouses near the water')
    expect(text).toContain('Birgu has quiet guesthouses near the water')
  })
})
