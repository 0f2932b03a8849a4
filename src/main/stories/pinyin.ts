import data from './data/pinyin.generated.json'

const READINGS: Record<string, string> = data.readings

/**
 * A word of Simplified Han characters in pinyin without tones ("巴格兰" → "bagelan"), or null when
 * a character has no reading in the table (GB2312's 6,763 characters). Chinese writes a foreign
 * name by the sounds of its characters, so the pinyin's consonants are the name's: Baghlan, Swat,
 * Kassala and Guadalupe meet 巴格兰, 斯瓦特, 卡萨拉 and 瓜达卢佩.
 */
export function pinyinOf(word: string): string | null {
  let latin = ''
  for (const character of word) {
    const reading = READINGS[character]
    if (reading === undefined) return null
    latin += reading
  }
  return latin
}
