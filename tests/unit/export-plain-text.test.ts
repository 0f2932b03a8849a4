import { describe, expect, it } from 'vitest'
import { formatArticle } from '../../src/main/cli/format'
import { readableText } from '../../src/main/export/plain-text'

describe('an article as plain text for the txt export and dateline show', () => {
  const html =
    '<p>Trains ran on time.</p><figure><img src="media/ab/x.png" alt=""><figcaption>A night train at <b>Kyiv</b> station.</figcaption></figure><p>Crews worked all night.</p>'

  it('keeps the pictures’ captions, marked, in their place', () => {
    expect(readableText(html)).toBe(
      'Trains ran on time.\n\n[Picture: A night train at Kyiv station.]\n\nCrews worked all night.',
    )
  })

  it('prints them in show and the txt export, where the stored text left them out', () => {
    const article = {
      title: 'Night trains',
      byline: null,
      siteName: 'Fixture Times',
      publishedAt: null,
      url: null,
      text: 'Trains ran on time.\n\nCrews worked all night.',
      html,
    }
    expect(formatArticle(article)).toContain('[Picture: A night train at Kyiv station.]')
    const { html: _stored, ...withoutHtml } = article
    expect(formatArticle(withoutHtml)).not.toContain('Picture')
  })
})
