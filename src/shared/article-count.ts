/** "1 article", "2 articles": how the CLI and the app's messages count articles. */
export function articleCount(n: number): string {
  return `${n} ${n === 1 ? 'article' : 'articles'}`
}
