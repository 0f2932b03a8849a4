import { parentPort } from 'node:worker_threads'
import type { TagBatch, TagBatchReply } from './background-tagger'
import { prepareTagger, tagCountries } from './tag-countries'

/*
 * The re-tagging worker: tags batches of stored articles off the main thread, so re-tagging a
 * library of 100,000 never holds the window up. An article the tagger fails on gets null (its tags
 * stay as they are), never a failed batch.
 */
const port = parentPort
if (port === null) throw new Error('tag-worker must run as a worker thread')

port.on('message', (batch: TagBatch) => {
  const tags = batch.inputs.map((input) => {
    try {
      return tagCountries(input)
    } catch {
      return null
    }
  })
  port.postMessage({ id: batch.id, tags } satisfies TagBatchReply)
})

prepareTagger()
port.postMessage({ ready: true })
