/**
 * The national data set the reporting benchmarks share: today's 34 provinces and 3,321 communes (shipped),
 * generated hamlets, 60 indicators (the 17 built-in and 43 generated counts) on one form, and a system admin.
 * Everything goes through the app's own migrations and services; only bulk rows are written with SQL.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { grantsOfUser } from "../../src/access/access.repository.ts";
import type { Auth } from "../../src/access/access.ts";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/connection.ts";
import { BUILT_IN_INDICATORS } from "../../src/domain/indicators.ts";
import { findUserByUsername } from "../../src/features/auth/auth.repository.ts";
import { saveFormVersion } from "../../src/features/forms/forms.service.ts";
import { createIndicator } from "../../src/features/indicators/indicators.service.ts";
import { buildKept } from "../../src/features/kept.ts";
import { createUserFromCli } from "../../src/features/users/users.service.ts";
import { createLogger } from "../../src/logger.ts";
import { prepareDatabase } from "../../src/server.ts";

export const BENCH_FORM = "bench-national";
export const BENCH_PASSWORD = "bench-password-1";

export async function openBenchDatabase(name: string) {
  const log = createLogger("warn");
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `danvan-bench-${name}-`));
  await fs.chmod(dataDir, 0o755);
  // no scheduled backups of a benchmark's database
  const config = {
    ...loadConfig({ DANVAN_BACKUP_EVERY_HOURS: "0" }),
    dataDir,
    databaseUrl: process.env.DATABASE_URL ?? null,
    port: 0,
  };
  const handle = await prepareDatabase(config, log);
  return {
    config,
    log,
    handle,
    async cleanup() {
      await handle.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A system admin for the benchmark (username bench.admin). */
export async function benchAdmin(h: DatabaseHandle): Promise<Auth> {
  await createUserFromCli(h.db, {
    username: "bench.admin",
    displayName: "Bench",
    password: BENCH_PASSWORD,
    grants: [{ role: "system_admin", unitCode: null }],
  });
  const u = await findUserByUsername(h.db, "bench.admin");
  if (!u) throw new Error("bench admin missing");
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    grants: await grantsOfUser(h.db, u.id),
  };
}

/** 60 indicators on one form: the built-ins plus generated whole-number counts. Returns the form id. */
export async function benchForm(
  h: DatabaseHandle,
  admin: Auth,
): Promise<{ formId: number; codes: string[] }> {
  const kept = buildKept(h.db);
  const extra = Array.from(
    { length: 60 - BUILT_IN_INDICATORS.length },
    (_, i) => `BENCH_I${String(i + 1).padStart(2, "0")}`,
  );
  for (const code of extra) {
    await createIndicator(h.db, kept, admin, {
      code,
      nameVi: `Chỉ tiêu thử ${code}`,
      nameEn: `Bench indicator ${code}`,
      type: "integer",
      unitOfMeasure: "lượt",
      aggregation: "sum",
      categories: {},
      description: "",
    });
  }
  const codes = [...BUILT_IN_INDICATORS.map((i) => i.code), ...extra];
  const form = await saveFormVersion(h.db, kept, admin, {
    code: BENCH_FORM,
    nameVi: "Biểu số liệu quốc gia (thử tải)",
    nameEn: "National data set (benchmark)",
    description: "",
    levels: ["commune", "hamlet"],
    sections: [
      {
        key: "T",
        depth: 1,
        titleVi: "Số liệu",
        titleEn: "Figures",
        kind: "table",
        rows: codes.map((indicator) => ({ indicator })),
      },
    ],
    rules: [],
    outlierPercent: "50",
  });
  return { formId: form.id, codes };
}

/** Adds `total` hamlets spread evenly over today's communes (of the given provinces, default all). */
export async function addHamlets(
  h: DatabaseHandle,
  total: number,
  provinces: string[] | null = null,
): Promise<number> {
  const r = await sql<{ n: number }>`
    with c as (
      select code, province_code, ancestors, row_number() over (order by code) as rn, count(*) over () as communes
      from unit where level = 'commune' and valid_to is null
        and (${provinces === null} or province_code = any(${provinces ?? []}::text[]))
    ), ins as (
      insert into unit (code, name, full_name, type, level, parent_code, province_code, ancestors, valid_from,
                        valid_to, name_key, search_text, source)
      select c.code || '-' || lpad(g::text, 3, '0'), g::text, 'Thôn ' || g, 'thôn', 'hamlet', c.code,
             c.province_code, c.ancestors || c.code, null, null, g::text, 'thon ' || g, 'bench'
      from c cross join lateral generate_series(
        1, (${total} / c.communes + case when c.rn <= ${total} % c.communes then 1 else 0 end)::int) as g
      returning 1
    )
    select count(*)::int as n from ins`.execute(h.db);
  return r.rows[0]?.n ?? 0;
}

/** Signs bench.admin in to a running server: its session cookie and CSRF token. */
export async function benchLogin(url: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench.admin", password: BENCH_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
