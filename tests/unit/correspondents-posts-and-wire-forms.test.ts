import { describe, expect, it } from 'vitest'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { extractArticle } from '../../src/main/ingest/extract'
import { bridgeStory } from '../fixtures/correspondents/bridge-story'
import { namesAndKindsCreditedInText } from '../fixtures/correspondents/plain-text-credits'

/*
 * Credits written the way correspondents and wires print them in several languages: a post with
 * its town before the name, a wire's dateline without the dash after the agency; and the story's
 * section printed where a byline stands.
 */

const story =
  'The council met on Monday and voted to keep the old bridge open for another year, after a long debate about its cost.'

describe('a correspondent’s post and town before the name', () => {
  it.each([
    ['Door onze correspondent in Brussel, Jan de Vries', 'Jan de Vries'],
    ['Van onze correspondent in Den Haag, Sanne Bakker', 'Sanne Bakker'],
    ['De notre correspondant à Moscou, Jean Dupont', 'Jean Dupont'],
    ['De notre correspondante à Berlin, Claire Martin', 'Claire Martin'],
    ['Dal nostro inviato a Kiev, Marco Rossi', 'Marco Rossi'],
    ['Von unserem Korrespondenten in Moskau, Anna Schmidt', 'Anna Schmidt'],
    ['De nuestro corresponsal en Buenos Aires, Pablo García', 'Pablo García'],
  ])('credits the person of "%s", not the town', (line, who) => {
    expect(namesAndKindsCreditedInText(line, story)).toEqual([`${who} (person)`])
  })

  it('credits nobody for a post and a town with no name after them', () => {
    expect(namesAndKindsCreditedInText('Door onze correspondent in Brussel', story)).toEqual([])
  })
})

describe('a wire dateline with no dash after the agency', () => {
  it.each([
    [
      'Mumbai, Dec 3 (PTI) The state government on Tuesday announced a new plan for the suburban railway.',
      'PTI',
    ],
    [
      'NEW DELHI, Dec 3 (IANS) Union ministers met on Tuesday to discuss the price of onions across the country.',
      'IANS',
    ],
    [
      'Berlin (dpa) Die Bundesregierung hat am Dienstag einen neuen Plan für die Bahn vorgestellt und beschlossen.',
      'dpa',
    ],
    [
      'Srinagar, Dec 3 (ANI) "We will reopen the road by Friday," the district officer told reporters on Tuesday.',
      'ANI',
    ],
  ])('credits the agency of "%s"', (opening, agency) => {
    expect(namesAndKindsCreditedInText(opening, story)).toEqual([`${agency} (agency)`])
  })

  it('does not read an agency named in brackets inside a sentence as a dateline', () => {
    const sentence =
      'The minister spoke to the Press Trust of India (PTI) News desk on Monday about the new railway plan.'
    expect(namesAndKindsCreditedInText(sentence, story)).toEqual([])
  })
})

describe('the story’s section where a byline stands', () => {
  function creditedOn(head: string, header: string): string[] {
    const html = `<!doctype html><html><head><title>Bridge to close to lorries</title>
<meta property="og:site_name" content="Jornal do Rio">${head}</head>
<body><header>${header}</header><article><h1>Bridge to close to lorries</h1>${bridgeStory}</article></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://jornaldorio.example/lisboa/bridge' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }
  const sectionLd = (section: string): string =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge to close to lorries', articleSection: section })}</script>`

  it.each([
    ['the section meta', '<meta property="article:section" content="Lisboa">'],
    ['JSON-LD articleSection', sectionLd('Lisboa')],
  ])('credits nobody for a town that %s names as the section', (_how, head) => {
    expect(creditedOn(head, '<h2 class="section-name" id="isAuthor">Lisboa</h2>')).toEqual([])
  })

  it('still credits a one-word signature that is not the section', () => {
    const head = '<meta property="article:section" content="Lisboa">'
    expect(creditedOn(head, '<h2 class="section-name" id="isAuthor">Marisol</h2>')).toEqual(['Marisol'])
  })

  it('still credits a columnist whose column is a section under their name', () => {
    const head = '<meta property="article:section" content="Ana Ribeiro">'
    expect(creditedOn(head, '<p class="byline">Por Ana Ribeiro</p>')).toEqual(['Ana Ribeiro'])
  })
})

describe('a desk’s label naming who prepared the story', () => {
  function creditedOnPage(top: string, end = ''): string[] {
    const html = `<!doctype html><html><head><title>Brücke für Lastwagen gesperrt</title>
<meta property="og:site_name" content="Kreisbote"></head>
<body><div class="news-item">${top}<h1>Brücke für Lastwagen gesperrt</h1>${bridgeStory}${end}</div></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://kreisbote.example/news/bruecke' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }

  it.each([
    ['Redaktion: Sabine Kellner', 'Sabine Kellner'],
    ['Redacción: Lucía Romero', 'Lucía Romero'],
    ['Redazione: Marco Bellini', 'Marco Bellini'],
    ['Redactie: Sanne Bakker', 'Sanne Bakker'],
  ])('credits the person of "%s" on a story nobody else signs', (line, who) => {
    expect(namesAndKindsCreditedInText(line, story)).toEqual([`${who} (person)`])
  })

  it('credits the person of a desk label among the story’s date and its post', () => {
    const top =
      '<div class="news-timedata">14.03.2024 <span>- Redaktion: Sabine Kellner (Pressesprecherin)</span></div>'
    expect(creditedOnPage(top)).toEqual(['Sabine Kellner'])
  })

  it('credits the author, not the editor, when the story is signed too', () => {
    expect(namesAndKindsCreditedInText('Text: Klaus Berg', 'Redaktion: Sabine Kellner', story)).toEqual([
      'Klaus Berg (person)',
    ])
    const top = '<p class="meta">Von Klaus Berg</p><p class="meta">Redaktion: Sabine Kellner</p>'
    expect(creditedOnPage(top)).toEqual(['Klaus Berg'])
  })

  it('credits nobody for the desk alone', () => {
    expect(namesAndKindsCreditedInText('Redaktion: Lokales', story)).toEqual([])
  })
})

describe('initials linked to the author’s page', () => {
  function creditedOnBlog(slug: string, footer: string): string[] {
    const html = `<!doctype html><html><head><title>Ein langer Spaziergang</title></head>
<body><article><h1>Ein langer Spaziergang</h1>
<p class="post-info">Posted <span class="by-author"> by <span class="author vcard"><a class="url fn n" href="https://wanderblog.example/author/${slug}/" rel="author">MB</a></span></span></p>
${bridgeStory}</article><footer><p>${footer}</p></footer></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://wanderblog.example/2024/03/spaziergang/' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }

  it.each(['martinabergmann', 'martina-bergmann'])(
    'credits the name the page prints when the author page "%s" spells it',
    (slug) => {
      expect(creditedOnBlog(slug, 'Ein Wanderblog von Martina Bergmann')).toEqual(['Martina Bergmann'])
    },
  )

  it('keeps the initials when the page prints no name the address spells', () => {
    expect(creditedOnBlog('mb', 'Ein Wanderblog von Martina Bergmann')).toEqual(['MB'])
    expect(creditedOnBlog('martinabergmann', 'Ein Wanderblog von Markus Brandt')).toEqual(['MB'])
  })
})

describe('a closing line that says whose material the story is', () => {
  it.each([
    ['With inputs from PTI', 'PTI'],
    ['(With inputs from IANS)', 'IANS'],
    ['Źródło: PAP', 'PAP'],
    ['— AFP', 'AFP'],
    ['Fonte: ANSA', 'ANSA'],
  ])('credits the agency of "%s" beside the signed reporter', (closing, agency) => {
    expect(namesAndKindsCreditedInText('By Priya Sharma', story, closing)).toEqual([
      'Priya Sharma (person)',
      `${agency} (agency)`,
    ])
  })

  it('credits every agency of "With inputs from PTI and Reuters" on an unsigned story', () => {
    expect(namesAndKindsCreditedInText(story, 'With inputs from PTI and Reuters')).toEqual([
      'PTI (agency)',
      'Reuters (agency)',
    ])
  })

  it('credits nobody for a source that is no agency', () => {
    expect(namesAndKindsCreditedInText(story, 'Source: Ministry of Health')).toEqual([])
    expect(namesAndKindsCreditedInText(story, 'Quelle: Statistisches Bundesamt, dpa')).toEqual([])
  })
})
