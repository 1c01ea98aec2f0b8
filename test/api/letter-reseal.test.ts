/**
 * Retiring a key after a rotation (docs/deployment.md): `danvan keys reseal` seals again under the new first key
 * what the old key sealed (a denouncer's identity, the scan of their letter); afterwards the new key alone opens
 * both, bound to the same letter, and the old key can be removed.
 */

import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "../../src/domain/dates.ts";
import { keyIdOf, Sealer } from "../../src/secrets/sealer.ts";
import { pdfFile } from "../fixtures/files.ts";
import { createTestApp, TEST_SEALER, TEST_SECRET_KEY } from "../helpers.ts";

const run = promisify(execFile);
let t: Awaited<ReturnType<typeof createTestApp>>;
let letter = 0;
const scan = pdfFile("Pham Thi Hanh");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const commune = await t.login("xa.thapmuoi");
  const body = (await commune.json("GET", "/api/units/30037/bodies")).body.items.find(
    (b: { kind: string }) => b.kind === "people_committee",
  ).id;
  const r = await commune.json("POST", "/api/letters", {
    bodyId: body,
    kind: "denunciation",
    channel: "direct",
    receivedOn: addDays(todayInVietnam(), -1),
    subject: "Tố cáo cán bộ nhũng nhiễu",
    sender: { name: "Phạm Thị Hạnh", idNumber: "087123456789" },
  });
  letter = r.body.letter.id;
  const s = await commune.request("POST", `/api/letters/${letter}/scans`, new Uint8Array(scan), {
    "content-type": "application/octet-stream",
  });
  expect(s.status).toBe(201);
});

describe("danvan keys reseal", () => {
  it("seals again under the new first key what the old one sealed; the new key alone then opens it", async () => {
    const fresh = randomBytes(32);
    const old = TEST_SEALER.keyId;
    const under = async (key: string) =>
      (
        await sql<{ n: number }>`
          select (select count(*) from letter_identity where key_id = ${key})::int
               + (select count(*) from letter_scan where key_id = ${key})::int as n`.execute(t.db)
      ).rows[0]?.n ?? 0;
    const before = await under(old);
    expect(before).toBeGreaterThanOrEqual(2);
    const url = t.handle.url;
    const r = await run("node", ["bin/danvan.js", "keys", "reseal"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        LOG_LEVEL: "warn",
        DANVAN_SECRET_KEY: `${fresh.toString("base64")},${TEST_SECRET_KEY}`,
      },
    });
    expect(r.stdout).toMatch(/identities, 1 scans/);
    expect(await under(old)).toBe(0);
    expect(await under(keyIdOf(fresh))).toBe(before);
    // the new key alone opens them, for their own letter only
    const alone = new Sealer([fresh]);
    const id = await sql<{ key_id: string; sealed: Buffer }>`
      select key_id, sealed from letter_identity where letter_id = ${letter}`.execute(t.db);
    const row = id.rows[0] as { key_id: string; sealed: Buffer };
    expect(alone.open(row.key_id, row.sealed, `letter:${letter}`)).toMatchObject({ name: "Phạm Thị Hạnh" });
    const sc = await sql<{ key_id: string; sealed: Buffer }>`
      select key_id, sealed from letter_scan where letter_id = ${letter}`.execute(t.db);
    const s = sc.rows[0] as { key_id: string; sealed: Buffer };
    expect(alone.openBytes(s.key_id, s.sealed, `letter_scan:${letter}`).equals(scan)).toBe(true);
    expect(() => alone.open(row.key_id, row.sealed, "letter:1")).toThrow();
    // run again: nothing left to seal
    const again = await run("node", ["bin/danvan.js", "keys", "reseal"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        LOG_LEVEL: "warn",
        DANVAN_SECRET_KEY: `${fresh.toString("base64")},${TEST_SECRET_KEY}`,
      },
    });
    expect(again.stdout).toMatch(/0 identities, 0 scans/);
  }, 120_000);
});
