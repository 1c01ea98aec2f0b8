/**
 * Sealing again under the current key what an older key sealed (writers' identities, scans of letters), so an
 * old key can be retired after a rotation (docs/deployment.md). Each value is opened with its own key and
 * sealed with the first, bound to the same record; a value another process changed meanwhile is left as it is
 * (the update names the key it replaces). Batches of a few hundred, so a large province never holds a long
 * transaction. Run from the command line (`danvan keys reseal`), never through the API.
 * @module
 */
import type { Db } from "../../db/database.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import * as repo from "./letter-sealed.repository.ts";

const BATCH = 200;

export interface ResealCounts {
  identities: number;
  scans: number;
}

export async function resealAll(
  db: Db,
  sealer: Sealer,
  onBatch: (done: ResealCounts) => void = () => {},
): Promise<ResealCounts> {
  const done: ResealCounts = { identities: 0, scans: 0 };
  for (let after = 0; ; ) {
    const rows = await repo.identitiesNotUnder(db, sealer.keyId, after, BATCH);
    if (rows.length === 0) break;
    for (const r of rows) {
      const bound = `letter:${r.letter_id}`;
      const again = sealer.seal(sealer.open(r.key_id, r.sealed, bound), bound);
      await repo.resealIdentity(db, r.letter_id, r.key_id, { key_id: again.keyId, sealed: again.sealed });
      done.identities++;
    }
    after = rows.at(-1)?.letter_id ?? after;
    onBatch(done);
  }
  for (let after = 0; ; ) {
    const rows = await repo.scansNotUnder(db, sealer.keyId, after, BATCH);
    if (rows.length === 0) break;
    for (const r of rows) {
      const bound = `letter_scan:${r.letter_id}`;
      const again = sealer.sealBytes(sealer.openBytes(r.key_id, r.sealed, bound), bound);
      await repo.resealScan(db, r.id, r.key_id, { key_id: again.keyId, sealed: again.sealed });
      done.scans++;
    }
    after = rows.at(-1)?.id ?? after;
    onBatch(done);
  }
  return done;
}
