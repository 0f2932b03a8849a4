import type { Page } from '@playwright/test'
import { solidPng } from './fixture-site'
import { STORY } from './pages'

/** A saved page as a file would hold it: the language on <html>, an article body. */
export function articlePage(lang: string, title: string, body: string, published?: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
${published ? `<meta property="article:published_time" content="${published}">` : ''}
</head><body><main><article><h1>${title}</h1>${body}</article></main></body></html>`
}

const paragraphs = (texts: readonly string[]): string => texts.map((text) => `<p>${text}</p>`).join('\n')

/** An English story with a picture and its caption, a wide table and a code block. */
export const ENGLISH_STORY = articlePage(
  'en',
  'Night trains keep Kyiv moving through a winter of strikes on the grid',
  `${paragraphs(STORY.slice(0, 2))}
<figure><img alt="" src="data:image/png;base64,${solidPng(64, 32, [52, 92, 140]).toString('base64')}" width="800" height="400"><figcaption>A night train at Kyiv station before dawn.</figcaption></figure>
${paragraphs(STORY.slice(2))}
<table><tr>${Array.from({ length: 14 }, (_, i) => `<th>Station number ${i + 1}</th>`).join('')}</tr>
<tr>${Array.from({ length: 14 }, (_, i) => `<td>${i * 7} minutes late</td>`).join('')}</tr></table>
<pre><code>curl --retry 5 https://railway.example/api/timetable?line=east&amp;date=2026-11-20 | jq '.trains[] | select(.late)'</code></pre>
${paragraphs(STORY)}`,
  '2026-11-20T07:30:00Z',
)

export const ARABIC_STORY = articlePage(
  'ar',
  'القطارات الليلية تعيد الحركة إلى العاصمة',
  paragraphs([
    'عادت القطارات إلى العاصمة في موعدها يوم الثلاثاء لأول مرة منذ أسبوع، بحسب ما أعلنته هيئة السكك الحديدية الوطنية، بعد أن أعاد المهندسون خطوط الكهرباء التي قطعتها الضربات الليلية على الشبكة الشرقية.',
    'ووصف الركاب على متن القطار الليلي رحلة هادئة. وقال أحدهم: «غادرنا في الظلام ووصلنا في الظلام، لكننا وصلنا»، وطلب عدم الكشف عن اسمه.',
    'وأصبحت السكك الحديدية شريان حياة للبلاد، إذ تنقل المدنيين والمساعدات والمسؤولين، ويقول مديروها إن إبقاءها تعمل مسألة فخر وطني.',
    'وعملت فرق الإصلاح طوال الليل في درجات حرارة متجمدة، واستبدلت المحولات المتضررة وحولت مسار قطارات الشحن حول محطتين لا تزالان مغلقتين.',
  ]),
)

export const HEBREW_STORY = articlePage(
  'he',
  'רכבות הלילה חוזרות לפעול בבירה',
  paragraphs([
    'הרכבות לבירה הגיעו בזמן ביום שלישי לראשונה מזה שבוע, כך מסרה רשות הרכבות הלאומית, לאחר שמהנדסים תיקנו את קווי החשמל שנפגעו בתקיפות הלילה ברשת המזרחית.',
    'נוסעים ברכבת הלילה מתארים נסיעה שקטה. "יצאנו בחושך והגענו בחושך, אבל הגענו", אמר אחד הנוסעים, שביקש שלא להזדהות.',
    'צוותי התיקון עבדו כל הלילה בטמפרטורות קפואות, החליפו שנאים שנפגעו והסיטו רכבות משא סביב שתי תחנות שעדיין סגורות.',
  ]),
)

export const CHINESE_STORY = articlePage(
  'zh-CN',
  '夜班列车让基辅在严冬中保持运转',
  paragraphs([
    '国家铁路公司表示，在工程师修复了被夜间袭击切断的东部电网线路之后，开往首都的列车周二一周以来首次准点运行。',
    '乘坐从利沃夫出发的夜班列车的乘客说，这是一段平静的旅程。一位不愿透露姓名的通勤者说：“我们在黑暗中出发，在黑暗中到达，但我们到了。”',
    '自战争爆发以来，铁路已成为这个国家的生命线，运送平民、援助物资和官员。铁路管理者说，保持铁路运行事关民族自豪感。',
    '抢修人员在严寒中连夜工作，更换受损的变压器，并让货运列车绕开两座仍然关闭的车站。官员们说，如果电网不再受到袭击，东部线路预计将在周末前全面恢复。',
  ]),
)

/** Adds saved pages through the host's API, as the window's own client does, oldest first. */
export async function addPages(
  page: Page,
  pages: readonly { html: string; fileName: string }[],
): Promise<string[]> {
  return page.evaluate(async (files) => {
    const ids: string[] = []
    for (const file of files) {
      const response = await fetch('api/articles.add', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'html', html: file.html, fileName: file.fileName }),
      })
      const body = (await response.json()) as { ok: boolean; value?: { article: { id: string } } }
      if (!body.ok || !body.value) throw new Error(`could not add ${file.fileName}`)
      ids.push(body.value.article.id)
    }
    return ids
  }, pages)
}

/** Sets reader settings through the host's API and reloads the window to show them. */
export async function setReaderSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (body) => {
    const response = await fetch('api/settings.set', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!((await response.json()) as { ok: boolean }).ok) throw new Error('settings were refused')
  }, patch)
}
