import { parentPort } from 'node:worker_threads'
import { readFilesNow, type ReadReply, type ReadRequest } from './folder-reader'

/*
 * The file reading thread of folder-reader.ts: reads a batch of article files with synchronous,
 * checked calls and hands the bytes back without copying them (their buffers are transferred).
 */
const port = parentPort
if (port === null) throw new Error('read-worker must run as a worker thread')

port.on('message', (request: ReadRequest) => {
  const files = readFilesNow(request.root, request.asks)
  const buffers = new Set<ArrayBuffer>()
  for (const file of files) {
    if ('bytes' in file && file.bytes.byteLength > 0) buffers.add(file.bytes.buffer as ArrayBuffer)
  }
  port.postMessage({ id: request.id, files } satisfies ReadReply, [...buffers])
})
