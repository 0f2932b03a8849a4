import type { ServicesFor } from '@shared/procedure'
import type { countriesProcedures } from '@shared/countries'
import { countryName } from '@shared/country-list'
import { DatelineError } from '@shared/errors'
import type { ServiceContext } from '../services'
import { countryEditFiles, storedEditsOf } from './country-edit-files'
import { countCountries, saveCountryEdits } from './country-store'
import { createRetagJob } from './retag-library'

/** The countries procedures of the service table (see src/shared/countries.ts). */
export function countryServices(ctx: ServiceContext): ServicesFor<typeof countriesProcedures> {
  const retag = createRetagJob({
    library: ctx.library,
    now: ctx.now,
    progress: (status) => {
      ctx.events.emit('countries.retagProgress', status)
      // The list and the sidebar show the new tags once re-tagging is over.
      if (!status.running && status.changed > 0) ctx.events.emit('library.changed', { ids: [] })
    },
  })

  // A copy of the edits beside the article, so `dateline rebuild` keeps them (country-edit-files.ts).
  const editFiles = countryEditFiles(ctx.library.layout, (id) =>
    ctx.library.query((db) => storedEditsOf(db, id)),
  )

  return {
    'countries.list': async (input) => ({
      countries: ctx.library.query((db) => countCountries(db, input)),
    }),
    'countries.edit': async ({ id, edits }) => {
      const unknown = edits.find((edit) => countryName(edit.code) === undefined)
      if (unknown) {
        throw new DatelineError('INVALID_INPUT', `${unknown.code} is not the two-letter code of a country.`)
      }
      const at = ctx.now().toISOString()
      ctx.library.change((db) => saveCountryEdits(db, ctx.library.articleRowid(id), id, edits, at))
      await editFiles.save(id)
      ctx.events.emit('library.changed', { ids: [id] })
      return ctx.library.require(id)
    },
    'countries.retag': async () => retag.start(),
    'countries.retagStatus': async () => retag.status(),
  }
}
