/**
 * Article text with a realistic vocabulary for the search benchmark: word frequencies follow
 * Zipf's law (the word of rank r is drawn with probability proportional to 1/r), as in real news
 * text, so the common words are in nearly every article and a rare word in a few hundred.
 * The first ranks are real English news words; the long tail is made of pronounceable
 * pseudo-words, so no rank is tuned to one query.
 */

/** The 300 most frequent words of wire copy, roughly in order; ranks 1–300 of the vocabulary. */
const HEAD_WORDS = (
  'the of to and a in said on for that is was with by as at from it he his be has have were an are ' +
  'not but its had who after they this their which will been more would also one about year we two ' +
  'new over than i up people she her government out last when what into there all first were can could ' +
  'president minister told police since other years them some three time against week our world between ' +
  'state country officials city may day military while before because national percent just security only ' +
  'during most under any him so war forces where party election public former including says now told ' +
  'million told several including local both month another million four prime capital foreign many ' +
  'border talks sanctions ministry economy energy prices support troops region report news group leader ' +
  'international court attack killed five power should according no made spokesman statement protest ' +
  'parliament opposition vote agency deal defence health children women water law rights army peace ' +
  'european union russia ukraine china united states trade workers oil gas market bank billion crisis ' +
  'second members family since early late next move plan policy help home life long high even well ' +
  'city north south east west central southern northern eastern western region province district town ' +
  'village area areas held hold took take make called calls call known left right back down through ' +
  'around across still very much such own those these how then way work school schools hospital ' +
  'journalists media television radio online social video images photos evidence investigation ' +
  'prosecutors judge trial sentence prison released arrested detained charges accused alleged victims'
).split(' ')

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'st',
  'tr',
  'pl',
  'kr',
  'sh',
  'ch',
  'gr',
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io']
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'st', 'nt', 'rk', 'x']

export interface Vocabulary {
  words: string[]
  /** Cumulative probabilities, for drawing a word of the Zipf distribution by binary search. */
  cumulative: Float64Array
}

export function buildVocabulary(size: number, random: () => number): Vocabulary {
  const seen = new Set<string>()
  const words: string[] = []
  const keep = (word: string): void => {
    if (seen.has(word)) return
    seen.add(word)
    words.push(word)
  }
  HEAD_WORDS.forEach(keep)
  while (words.length < size) {
    // Rarer words are longer, as in real text.
    const syllables = 2 + Math.floor(random() * (words.length < 5000 ? 2 : 3))
    let word = ''
    for (let s = 0; s < syllables; s++) {
      word += ONSETS[Math.floor(random() * ONSETS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!
      if (s === syllables - 1 || random() < 0.2) word += CODAS[Math.floor(random() * CODAS.length)]!
    }
    keep(word)
  }
  const cumulative = new Float64Array(size)
  let total = 0
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1)
  for (let r = 0; r < size; r++) cumulative[r]! /= total
  return { words, cumulative }
}

export function drawWord(vocabulary: Vocabulary, random: () => number): string {
  const target = random()
  const { cumulative } = vocabulary
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (cumulative[middle]! < target) low = middle + 1
    else high = middle
  }
  return vocabulary.words[low]!
}

export function zipfSentence(vocabulary: Vocabulary, random: () => number, words: number): string {
  const parts: string[] = []
  for (let i = 0; i < words; i++) parts.push(drawWord(vocabulary, random))
  const text = parts.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

/** About `words` words in paragraphs of 60–100 words, like a wire story. */
export function zipfBody(vocabulary: Vocabulary, random: () => number, words = 800): string {
  const paragraphs: string[] = []
  let written = 0
  while (written < words) {
    const sentences: string[] = []
    const length = 60 + Math.floor(random() * 40)
    for (let n = 0; n < length;) {
      const sentenceWords = 12 + Math.floor(random() * 14)
      sentences.push(zipfSentence(vocabulary, random, sentenceWords))
      n += sentenceWords
    }
    paragraphs.push(sentences.join(' '))
    written += length
  }
  return paragraphs.join('\n\n')
}
