/** The text of article n of a kill-test round: distinct words, with markers at its start and end. */
export function killTestText(round: number, n: number): string {
  const tag = `r${round}n${n}`
  const filler =
    'The delegation met at the border crossing on a grey morning and talked for several hours about trade, ' +
    'transit fees, fishing quotas and the river that both countries share.'
  return [
    `Kill test dispatch ${tag}`,
    `Opening paragraph ${tag}-start. ${filler}`,
    ...Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 2} of ${tag}. ${filler}`),
    `Closing paragraph ${tag}-end. ${filler}`,
  ].join('\n\n')
}
