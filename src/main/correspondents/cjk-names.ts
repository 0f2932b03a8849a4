import { agencyNamed, agencySpellings, bylineWords } from './byline-words'

/*
 * A Chinese, Japanese or Korean credit into names. These scripts write a name against its title,
 * its honorific and the place it was filed from without a space ("本报记者王小明", "山田太郎記者",
 * "ソウル＝山田太郎特派員", "김철수·이영희 기자", "王小明 北京报道"), so the words around a name are
 * cut by what they are rather than at word edges. Pure.
 */

/** Han, kana and Hangul. */
export const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
/** "ワシントン＝", "서울=": the place of filing, written before an equals sign. */
const PLACE_BEFORE_EQUALS_RE = /^[^\s=＝]{1,12}\s*[=＝]\s*/u
/** What may stand between a title and the name it belongs to. */
const GAP_RE = /^[\s・･:：／/]+/u
const TRAILING_GAP_RE = /[\s・･:：／/]+$/u
/** Characters only simplified Chinese writes in a byline: its spaces separate people, not names. */
const SIMPLIFIED_RE = /[记报讯编辑责员实习]/u
const HAN_NAME_RE = /^\p{Script=Han}{2,4}$/u
const HANGUL_NAME_RE = /^\p{Script=Hangul}{2,4}$/u
/** "作者：王小明 来源：新华网": a later label starts other information (the source, the editor). */
const LATER_LABEL_RE = /\s+[^\s:：]{1,4}[:：].*$/u
/** Rounds of cutting: an agency, then a title, then a place ("新华社北京记者 王小明"). */
const MAX_ROUNDS = 4

export interface CjkCredit {
  names: string[]
  /** Agencies the credit names beside its people ("新华社记者 王小明", "연합뉴스 김철수 기자"). */
  agencies: string[]
}

/**
 * `context` is the whole credit the part comes from, before its label was cut: "记者 王小明 李华" is
 * written in simplified characters even when "记者" is no longer in the part.
 */
export function cjkNames(part: string, context = part): CjkCredit {
  const agencies: string[] = []
  let text = part.trim().replace(PLACE_BEFORE_EQUALS_RE, '').replace(LATER_LABEL_RE, '')
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const before = text
    const agency = leadingAgency(text)
    if (agency !== null) {
      agencies.push(agency.name)
      text = agency.rest
    }
    text = withoutTrailing(withoutLeadingTitle(text))
    if (text === before) break
  }
  return { names: text === '' ? [] : peopleIn(text, `${context} ${part}`), agencies }
}

let cjkAgencySpellings: string[] | null = null

/** "新华社记者 王小明": an agency written against the title or the name that follows it. */
function leadingAgency(text: string): { name: string; rest: string } | null {
  cjkAgencySpellings ??= agencySpellings().filter((spelling) => CJK_RE.test(spelling))
  for (const spelling of cjkAgencySpellings) {
    if (!text.startsWith(spelling)) continue
    // "共同通信" is the agency whole, not "共同" before a name "通信".
    if (text === spelling) return agencyOrNull(spelling)
    const rest = text.slice(spelling.length).replace(GAP_RE, '')
    const agency = agencyNamed(spelling)
    if (rest !== '' && agency !== null) return { name: agency.name, rest }
  }
  return null
}

function agencyOrNull(spelling: string): { name: string; rest: string } | null {
  const agency = agencyNamed(spelling)
  return agency === null ? null : { name: agency.name, rest: '' }
}

function withoutLeadingTitle(text: string): string {
  for (const title of bylineWords.cjkTitles) {
    if (!text.startsWith(title)) continue
    const rest = text.slice(title.length).replace(GAP_RE, '')
    if (rest !== '') return rest
  }
  return text
}

/** A title or an honorific after the name, and a last part naming where it was filed from. */
function withoutTrailing(text: string): string {
  const runs = text.split(/\s+/)
  const last = runs[runs.length - 1] ?? ''
  const marks = bylineWords.cjkReportMarks
  if (runs.length > 1 && marks.some((mark) => last.endsWith(mark) || last.startsWith(mark)))
    return runs.slice(0, -1).join(' ')
  if (runs.length === 1 && marks.some((mark) => text.endsWith(mark))) return ''
  for (const word of [...bylineWords.cjkTitles, ...bylineWords.cjkHonorifics]) {
    if (!text.endsWith(word)) continue
    const rest = text.slice(0, -word.length).replace(TRAILING_GAP_RE, '')
    if (rest.length >= 2) return rest
  }
  return text
}

/**
 * Chinese and Korean names have no space inside them, so spaced runs of two to four characters are
 * several people ("王小明 李华"); a Japanese name is often spaced ("山田 太郎"), so two Han runs are
 * one name unless the credit is written in simplified characters.
 */
function peopleIn(text: string, credit: string): string[] {
  // "本报记者 王小明 通讯员 李华": a title between two names belongs to the second.
  const runs = text.split(/\s+/).filter((run) => !bylineWords.cjkTitles.includes(run))
  if (runs.length < 2) return runs
  if (runs.every((run) => HANGUL_NAME_RE.test(run))) return runs
  if (runs.every((run) => HAN_NAME_RE.test(run)) && (runs.length >= 3 || SIMPLIFIED_RE.test(credit)))
    return runs
  return [text]
}
