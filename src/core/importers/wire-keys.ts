/** Keys that outlive a batch (WireWriter `key`, WireReader `keyed`): their bound, generations and tables. */

/**
 * Distinct keys a writer hands out before it starts over (a new generation, from the next batch): both threads'
 * tables stay bounded whatever the file's size. CHAINTRAIL_WIRE_KEYS_MAX lowers it (tests).
 */
export const KEYS_MAX = 1_000_000

/** Generations are numbered across all writers of the thread, so a KeyMemo never matches another writer's. */
let generations = 0

/** A generation number no writer of this thread has used. */
export function nextGeneration(): number {
  return ++generations
}

/**
 * An object the caller keeps per distinct text anyway (an address's cache entry), on which `key` notes the key it
 * gave: the next mention costs a few field compares instead of a map lookup (which, with the map out of cache,
 * cost the worker ~0.3 µs per address mention).
 */
export interface KeyMemo {
  wireKey?: number
  wireGen?: number
  wireSpace?: string
  wireText?: string
}

/**
 * The texts of one generation of a writer's keys (`key`), by key. A record read with keys carries its generation's
 * table: whatever the reading thread remembers per key (a row id) is valid while the table is the same object, and
 * must be forgotten when another one comes (the keys then mean other texts).
 */
export class KeyTable {
  readonly texts: string[] = []
}

/** What a reader keeps from batch to batch of one writer: the keys' texts, one table per generation. */
export class WireKeys {
  private gen = -1
  private table = new KeyTable()

  /** The table for a batch of generation `gen` (a new one when the generation changes). */
  of(gen: number): KeyTable {
    if (gen !== this.gen) {
      this.gen = gen
      this.table = new KeyTable()
    }
    return this.table
  }
}
