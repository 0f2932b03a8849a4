import { buildLexicon } from './build-lexicon'
import type { Lexicon } from './lexicon'

/**
 * Where the lexicon comes from. Here it is built from the gazetteer (about 0.8 s of CPU); the app's
 * build replaces this module with the lexicon it built once, packed, so a fresh worker only reads it
 * back (scripts/country-lexicon-prebuilt.ts).
 */
export function readLexicon(): Lexicon {
  return buildLexicon()
}
