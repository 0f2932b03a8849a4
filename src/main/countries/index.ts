/*
 * Country tagging: which countries an article is about. Pure: text in, tags out, no I/O. The data is
 * loaded on the first call and kept for the life of the process.
 */
export {
  prepareTagger,
  tagCountries,
  type CountryRole,
  type CountryTag,
  type TagInput,
} from './tag-countries'
export {
  mergePersonEdits,
  parseCountryEdit,
  type PersonCountryEdit,
  type StoredCountryTag,
  type TagSource,
} from './person-edits'
export { countryName, isCountryCode } from './country-names'
