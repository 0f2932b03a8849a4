import data from './data/han-variants.generated.json'

const VARIANTS: Record<string, string> = data.variants
const HAN = /\p{Script=Han}/gu

/**
 * Han text with every Traditional (Taiwan, Hong Kong) and Japanese character form written in its
 * Simplified form, one UTF-16 unit for one so offsets stay: 花蓮 and 花莲, 重慶 and 重庆, 広島 and
 * 广岛 become one word. Only for keys: like a stemmer it may fold two characters that differ in
 * meaning, which costs nothing when the key only has to be consistent.
 */
export function simplifiedHan(text: string): string {
  return text.replace(HAN, (character) => VARIANTS[character] ?? character)
}
