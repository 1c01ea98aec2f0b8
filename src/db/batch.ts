/**
 * Coalesces the keyed reads and writes that concurrent requests make in one turn of the event loop into one
 * statement each (the DataLoader pattern; for writes it is group commit: one transaction, one WAL flush, for
 * all of them). Under a deadline burst 200 submissions in flight then cost a handful of round trips instead
 * of 200 × 6, which is what the Node process and PostgreSQL, sharing two cores, spend their time on.
 *
 * A batch runs on the next `setImmediate`, after the requests parsed in the same I/O phase have queued their
 * keys, so a lone request waits for no one; while MAX_RUNNING batches of the same kind are running, new keys
 * wait for one of them to end and then go together — under load the batches grow by themselves (group
 * commit), without a timer. Inside a transaction there is nothing to coalesce with, so the call runs alone on
 * the transaction. `run` answers one value per key, in the keys' order.
 * @module
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

type Db = Kysely<Database>;

interface Queue<K, V> {
  keys: K[];
  waiters: { resolve: (v: V) => void; reject: (e: unknown) => void }[];
  /** batches running now */
  running: number;
  /** a flush is due on the next setImmediate */
  scheduled: boolean;
}

/**
 * At most this many keys go in one statement: small enough that PostgreSQL works on one batch while Node
 * answers another (docs/performance.md says why, with the benchmark).
 */
export const MAX_BATCH = 60;
/**
 * At most this many statements of one kind run at once; keys arriving meanwhile wait and go together, and
 * every kind that can run under a burst (docs/performance.md lists them) stays within the pool's connections.
 */
export const MAX_RUNNING = 3;

export function batched<K, V>(
  run: (db: Db, keys: readonly K[]) => Promise<readonly V[]>,
): (db: Db, key: K) => Promise<V> {
  const queues = new WeakMap<Db, Queue<K, V>>();
  const flush = (db: Db, q: Queue<K, V>) => {
    q.scheduled = false;
    while (q.keys.length > 0 && q.running < MAX_RUNNING) {
      const keys = q.keys.splice(0, MAX_BATCH);
      const waiters = q.waiters.splice(0, MAX_BATCH);
      q.running++;
      run(db, keys)
        .then(
          (values) => {
            waiters.forEach((w, i) => {
              w.resolve(values[i] as V);
            });
          },
          (e: unknown) => {
            for (const w of waiters) w.reject(e);
          },
        )
        .finally(() => {
          q.running--;
          // what queued up while this ran goes now, together
          if (q.keys.length > 0) flush(db, q);
        });
    }
  };
  return (db, key) => {
    if (db.isTransaction) return run(db, [key]).then((v) => v[0] as V);
    let q = queues.get(db);
    if (!q) {
      q = { keys: [], waiters: [], running: 0, scheduled: false };
      queues.set(db, q);
    }
    const queue = q;
    queue.keys.push(key);
    if (!queue.scheduled && queue.running < MAX_RUNNING) {
      queue.scheduled = true;
      setImmediate(() => flush(db, queue));
    }
    return new Promise<V>((resolve, reject) => {
      queue.waiters.push({ resolve, reject });
    });
  };
}

/**
 * The rows of a batched lookup in the order of its keys: undefined where none matched, and the same row for a
 * key asked twice.
 */
export function inOrder<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (r: R) => K): (R | undefined)[] {
  const by = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => by.get(k));
}
