/** Where a cached document's body lies, and its reader for another thread (a render worker), which has no cache of its own. */
import { closeSync, openSync } from 'node:fs'
import { deserialize } from 'node:v8'
import type { LoadedDocument } from '../document.js'
import { CacheError } from '../errors.js'
import { readEntryPart } from './entry-part.js'
import type { Place } from './pack-index.js'

/** A cached entry's pack file and place in it: plain data, posted to a worker that reads the body itself. */
export interface BodyPlace {
  file: string
  place: Place
}

/** Reads bodies by their places, keeping each pack file open until `close`; a body it cannot read whole and intact is a `CacheError` naming the pack. */
export interface BodyPlaceReader {
  read(at: BodyPlace): LoadedDocument
  close(): void
}

/** A reader of bodies by place (see `BodyPlaceReader`). */
export function createBodyPlaceReader(): BodyPlaceReader {
  const fds = new Map<string, number>()
  const bytesAt = ({ file, place }: BodyPlace): Uint8Array => {
    let fd = fds.get(file)
    if (fd === undefined) fds.set(file, (fd = openSync(file, 'r')))
    const bytes = readEntryPart(fd, place, 'whole', () => new Error('the whole of an entry does not match its checksum'))
    if (!bytes) throw new Error('the entry is cut short')
    return bytes
  }
  return {
    read(at) {
      try {
        return deserialize(bytesAt(at)) as LoadedDocument
      } catch (cause) {
        throw new CacheError(`Cannot read a cached document from ${at.file} (${(cause as Error).message}); build again`, { cause })
      }
    },
    close() {
      for (const fd of fds.values()) closeSync(fd)
      fds.clear()
    },
  }
}
