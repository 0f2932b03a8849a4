export { tagCountries, type CountryRole, type CountryTag, type TagInput } from './tag-countries'
