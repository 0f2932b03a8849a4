import type { Plugin } from 'vite'
import { sourceRewritePlugin } from './source-rewrite-plugin'

/*
 * linkedom compiles the selector of every querySelector(All), matches and closest call anew with
 * css-select, although a program asks the same few selectors over and over: Readability asks for
 * its tag lists once per candidate, the clean-up steps ask `a[href]` or `h1,…,h6` of every box on a
 * page. On the slowest benchmark pages that compiling was about 4% of a job's CPU time, and more
 * of the garbage.
 *
 * The build rewrites linkedom's matches.js so a selector is compiled once per (selector, HTML or
 * XML, strict) and the compiled test reused. A compiled test depends only on those three, except
 * for a selector holding `:scope`, which is compiled against its element and so never cached. A
 * selector css-select rejects throws as before and is not kept. The cache is emptied when full, so
 * a program building selectors from page data cannot grow it without bound. As with the listener
 * maps (linkedom-lazy-listeners.ts), the rewrite matches the source exactly and fails the build
 * when linkedom's source no longer matches.
 *
 * A list's plain tag names ("p, div, span", "h1,h2,h3,h4,h5,h6") are looked up in a set of names:
 * css-select tests them one by one, each asking the element its name (and its document whether
 * names ignore case), so "strong, b, em, i, span, small, label, dt, th, p, h4, h5, h6" asked of a
 * page of 5,000 elements made 65,000 such calls. The rest of the list, if any, is compiled by
 * css-select as before; a list is split only at its top-level commas, and one it cannot split
 * safely (escapes, comments, an empty part) is compiled whole, so errors stay css-select's. Matching
 * took about a fifth of a job's CPU time on the benchmark pages.
 */

const MATCHES_RE = /[\\/]linkedom[\\/]esm[\\/]shared[\\/]matches\.js$/

/** Compiled selectors kept at most; real programs ask a few dozen distinct ones. */
export const SELECTOR_CACHE_SIZE = 1000

const PREPARE_FROM = `export const prepareMatch = (element, selectors) => CSSselect.compile(
  selectors,
  {
    context: selectors.includes(':scope') ? element : void 0,
    xmlMode: !ignoreCase(element),
    adapter
  }
);`

const MATCHES_FROM = `export const matches = (element, selectors) => CSSselect.is(
  element,
  selectors,
  {
    strict: true,
    context: selectors.includes(':scope') ? element : void 0,
    xmlMode: !ignoreCase(element),
    adapter
  }
);`

const CACHE = `const compiledSelectors = new Map;
const TAG_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const splitSelectorList = (selectors) => {
  if (selectors.includes('\\\\') || selectors.includes('/*')) return null;
  const parts = [];
  let depth = 0, quote = '', from = 0;
  for (let at = 0; at < selectors.length; at++) {
    const char = selectors[at];
    if (quote !== '') { if (char === quote) quote = ''; }
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === ',' && depth === 0) { parts.push(selectors.slice(from, at).trim()); from = at + 1; }
  }
  parts.push(selectors.slice(from).trim());
  return quote === '' && depth === 0 && parts.every((part) => part !== '') ? parts : null;
};
const compileList = (selectors, xmlMode, strict) => {
  const parts = splitSelectorList(selectors);
  const names = new Set;
  const others = [];
  for (const part of parts ?? []) {
    if (TAG_NAME.test(part)) names.add(xmlMode ? part : part.toLowerCase());
    else others.push(part);
  }
  if (names.size === 0) return CSSselect.compile(selectors, {strict, xmlMode, adapter});
  const rest = others.length === 0 ? null : CSSselect.compile(others.join(','), {strict, xmlMode, adapter});
  return rest === null ?
    (element) => isTag(element) && names.has(getName(element)) :
    (element) => isTag(element) && (names.has(getName(element)) || rest(element));
};
const compiledOnce = (selectors, xmlMode, strict) => {
  const key = (xmlMode ? 'x' : 'h') + (strict ? 's' : 'l') + selectors;
  let test = compiledSelectors.get(key);
  if (test === undefined) {
    test = compileList(selectors, xmlMode, strict);
    if (compiledSelectors.size >= ${SELECTOR_CACHE_SIZE}) compiledSelectors.clear();
    compiledSelectors.set(key, test);
  }
  return test;
};
`

const PREPARE_TO = `export const prepareMatch = (element, selectors) => selectors.includes(':scope') ?
  CSSselect.compile(selectors, {context: element, xmlMode: !ignoreCase(element), adapter}) :
  compiledOnce(selectors, !ignoreCase(element), false);`

const MATCHES_TO = `export const matches = (element, selectors) => selectors.includes(':scope') ?
  CSSselect.is(element, selectors, {strict: true, context: element, xmlMode: !ignoreCase(element), adapter}) :
  compiledOnce(selectors, !ignoreCase(element), true)(element);`

/** linkedom's matches.js with each selector compiled once; throws when the source differs. */
export function withCompiledSelectorCache(source: string): string {
  let code = source.replace(/\r\n/g, '\n')
  for (const [from, to] of [
    [PREPARE_FROM, CACHE + PREPARE_TO],
    [MATCHES_FROM, MATCHES_TO],
  ] as const) {
    if (!code.includes(from)) {
      throw new Error(`linkedom's matches.js no longer holds ${JSON.stringify(from)}; update the rewrite`)
    }
    code = code.replace(from, to)
  }
  return code
}

/** The rewrite as a Vite plugin for the main bundles (which bundle linkedom; see electron.vite.config.ts). */
export function linkedomSelectorCache(): Plugin {
  return sourceRewritePlugin({
    name: 'dateline-linkedom-selector-cache',
    module: MATCHES_RE,
    rewrite: withCompiledSelectorCache,
    bundledWith: (id) => id.includes('linkedom'),
    missing: 'linkedom was bundled without its selector cache',
  })
}
