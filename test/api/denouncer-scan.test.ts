/**
 * A denouncer's name never leaves the server but to those granted its reading (Luật Tố cáo 2018 Art. 9): every
 * GET route of the OpenAPI document is called, as each demo role without that grant, with the demo's ids for
 * its path (every demo letter for a letter's routes) and its unit for a query that needs one; no answer holds the
 * demo denouncer's name, her address or her ID number. The inspectorate, which holds the grant, reads it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

const SECRETS = ["Phạm Thị Hạnh", "Pham Thi Hanh", "087180001234", "Ấp 3, xã Tháp Mười"];
/** Who may not read it: every demo role but the inspectorate. */
const WITHOUT = ["admin", "dongthap", "duyet.dongthap", "xa.thapmuoi", "ubnd.dongthap", "thainguyen"];

let t: Awaited<ReturnType<typeof createTestApp>>;
let paths: string[] = [];
let letterIds: number[] = [];

beforeAll(async () => {
  t = await createTestApp({ demoReports: true });
  const doc = (await t.anonymous.json("GET", "/api/openapi.json")).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  paths = Object.entries(doc.paths)
    .filter(([, ops]) => "get" in ops)
    .map(([p]) => p);
  const admin = await t.login("admin");
  letterIds = (await admin.json("GET", "/api/letters?unit=82")).body.items.map((l: { id: number }) => l.id);
});

/** The addresses a GET route is called at: its path with each id it may take, a unit for its query. */
function addresses(path: string): string[] {
  const withUnit = (p: string) => [p, `${p}?unit=30037`, `${p}?unit=82`];
  if (!path.includes("{")) return withUnit(path);
  if (path.startsWith("/api/letters/{id}")) return letterIds.map((id) => path.replace("{id}", String(id)));
  return withUnit(path.replace(/\{[^}]+\}/g, "1"));
}

describe("a denouncer's identity", () => {
  it("is read by the inspectorate, which holds the grant", async () => {
    const inspector = await t.login("thanhtra.dongthap");
    const names = await Promise.all(
      letterIds.map(async (id) => (await inspector.json("GET", `/api/letters/${id}/identity`)).body.name),
    );
    expect(names).toContain("Phạm Thị Hạnh");
  });

  for (const username of WITHOUT) {
    it(`is in no GET answer to ${username}`, async () => {
      const c: TestClient = await t.login(username);
      expect(paths.length).toBeGreaterThan(50);
      expect(letterIds.length).toBeGreaterThan(5);
      const leaks: string[] = [];
      let answered = 0;
      for (const path of paths) {
        for (const address of addresses(path)) {
          const r = await c.request("GET", address);
          if (r.status === 200) answered++;
          const body = Buffer.from(await r.arrayBuffer()).toString("utf8");
          if (SECRETS.some((s) => body.includes(s))) leaks.push(`${address} → ${r.status}`);
        }
      }
      expect(leaks).toEqual([]);
      // the scan read real answers, not only refusals
      expect(answered).toBeGreaterThan(40);
    });
  }
});
