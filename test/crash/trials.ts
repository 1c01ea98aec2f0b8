/**
 * Crash trials: `danvan serve` on its embedded PostgreSQL, under a load of report saves and document numbers
 * taken; in each trial one process is killed with kill -9 mid-load — the server (its supervisor restarts it)
 * or PostgreSQL with everything (as a machine that loses power; started again) — and afterwards every write
 * that was acknowledged must be there, and each body's document numbers must run 1, 2, 3… with no gap and
 * no number twice. Used by the crash test (a few trials) and bench:crash (many).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DB } from "../../src/db/connection.ts";
import { freePort, runningServerUrl } from "../../src/db/embedded.ts";

export interface TrialsResult {
  trials: number;
  acknowledged: number;
  lost: number;
  numberProblems: number;
  problems: string[];
}

interface Acked {
  saves: Map<number, { version: number; text: string }>;
  numbers: { id: number; bodyId: number; number: number }[];
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCrashTrials(
  trials: number,
  say: (s: string) => void = () => undefined,
): Promise<TrialsResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-crash-"));
  await fs.chmod(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DANVAN_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: "warn",
    DANVAN_BACKUP_EVERY_HOURS: "0",
  };
  delete env.DATABASE_URL;
  delete env.DANVAN_SUPERVISED;
  let supervisor: ChildProcess | null = null;
  let output = "";
  // the first start adds the demo users and data; later ones serve what is there
  const start = (command: "demo" | "serve") => {
    const p = spawn(process.execPath, ["bin/danvan.js", command], {
      env: { ...env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    p.stdout?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    p.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    supervisor = p;
  };
  const healthy = async (timeout: number) => {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      try {
        if ((await fetch(`${base}/api/health`)).status === 200) return;
      } catch {
        // not yet
      }
      await wait(100);
    }
    throw new Error(`the server did not come back: ${output.slice(-2000)}`);
  };
  const problems: string[] = [];
  const acked: Acked = { saves: new Map(), numbers: [] };
  try {
    start("demo");
    await healthy(180_000);
    const admin = await login(base);
    const bodies = (await admin.call("GET", "/api/units/82/bodies")).body.items as {
      id: number;
      kind: string;
    }[];
    const bodyId = bodies.find((b) => b.kind === "people_committee")?.id as number;
    const forms = (
      (await admin.call("GET", "/api/forms")).body.items as { id: number; levels: string[] }[]
    ).filter((f) => f.levels.includes("commune"));
    const request = await admin.call("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId: forms[0]?.id,
      period: { start: "2026-01-01", end: "2027-12-31" },
      targetLevel: "commune",
      deadline: "2028-01-10",
    });
    const detail = await admin.call("GET", `/api/requests/${request.body.id}`);
    const targets = (detail.body.targets as { id: number }[]).slice(0, 8).map((x) => x.id);
    for (const id of targets) acked.saves.set(id, { version: 1, text: "" });

    for (let trial = 1; trial <= trials; trial++) {
      let session = await login(base);
      let loading = true;
      const saver = async (id: number) => {
        let version = acked.saves.get(id)?.version ?? 1;
        let n = 0;
        while (loading) {
          const text = `Lần ghi ${trial}.${n++}`;
          const r = await session
            .call("PUT", `/api/submissions/${id}`, { version, narrative: { I: text } })
            .catch(() => null);
          if (r?.status === 200) {
            version = (r.body.submission as { version: number }).version;
            acked.saves.set(id, { version, text });
          } else if (r?.status === 409) {
            version = (r.body.error as { details: { currentVersion: number } }).details.currentVersion;
          } else await wait(50);
        }
      };
      const numberer = async () => {
        while (loading) {
          const r = await session
            .call("POST", `/api/bodies/${bodyId}/document-numbers`, { typeCode: "BC", title: "Báo cáo" })
            .catch(() => null);
          if (r?.status === 201)
            acked.numbers.push({ id: r.body.id as number, bodyId, number: r.body.number as number });
          else await wait(50);
        }
      };
      const load = Promise.all([...targets.map(saver), numberer(), numberer()]);
      await wait(700 + Math.random() * 600);
      const killApp = trial % 2 === 1;
      if (killApp) {
        const children = [...output.matchAll(/"childPid":(\d+)/g)];
        const pid = Number(children[children.length - 1]?.[1]);
        say(`trial ${trial}: kill -9 the server (pid ${pid})`);
        process.kill(pid, "SIGKILL");
      } else {
        const postmaster = Number(
          (await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0],
        );
        say(`trial ${trial}: kill -9 PostgreSQL (pid ${postmaster}) and the server with it`);
        process.kill(postmaster, "SIGKILL");
        const s = supervisor as ChildProcess | null;
        const children = [...output.matchAll(/"childPid":(\d+)/g)];
        s?.kill("SIGKILL");
        const child = Number(children[children.length - 1]?.[1]);
        try {
          process.kill(child, "SIGKILL");
        } catch {
          // gone already
        }
      }
      await wait(300);
      loading = false;
      await load;
      if (!killApp) start("serve");
      await healthy(120_000);
      session = await login(base);
      problems.push(...(await check(dataDir, acked)).map((p) => `trial ${trial}: ${p}`));
    }
  } finally {
    const s = supervisor as ChildProcess | null;
    if (s && s.exitCode === null) {
      const exited = new Promise((r) => s.once("exit", r));
      s.kill("SIGTERM");
      await Promise.race([exited, wait(20_000)]);
    }
    await fs.rm(dir, { recursive: true, force: true });
  }
  const lost = problems.filter((p) => p.includes("lost")).length;
  return {
    trials,
    acknowledged: [...acked.saves.values()].reduce((n, s) => n + s.version - 1, 0) + acked.numbers.length,
    lost,
    numberProblems: problems.length - lost,
    problems,
  };
}

async function login(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: process.env.DANVAN_DEMO_PASSWORD ?? "demo12345" }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return {
    async call(method: string, p: string, body?: unknown) {
      const r = await fetch(base + p, {
        method,
        headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely
      return { status: r.status, body: (await r.json()) as Record<string, any> };
    },
  };
}

/** What the database holds against what was acknowledged. */
async function check(dataDir: string, acked: Acked): Promise<string[]> {
  const url = await runningServerUrl(dataDir, EMBEDDED_DB);
  if (!url) return ["PostgreSQL is not running"];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: string[] = [];
  try {
    for (const [id, s] of acked.saves) {
      if (s.version === 1) continue;
      const r = await client.query<{ narrative: Record<string, string> }>(
        "select narrative from submission_revision where submission_id = $1 and version = $2",
        [id, s.version],
      );
      if (!JSON.stringify(r.rows[0]?.narrative ?? "").includes(s.text))
        out.push(`lost: the save of submission ${id} version ${s.version}`);
    }
    const ids = acked.numbers.map((n) => n.id);
    const found = await client.query<{ id: string }>(
      "select id from document_number where id = any($1::bigint[])",
      [ids],
    );
    const have = new Set(found.rows.map((r) => Number(r.id)));
    for (const n of acked.numbers)
      if (!have.has(n.id)) out.push(`lost: document number ${n.number} (id ${n.id})`);
    const seq = await client.query<{ issuer_body_id: number; series: string; numbers: number[] }>(
      `select issuer_body_id, series, array_agg(number order by number) as numbers
       from document_number group by issuer_body_id, series, scope`,
    );
    for (const s of seq.rows) {
      const bad = s.numbers.findIndex((n, i) => n !== i + 1);
      if (bad >= 0)
        out.push(
          `numbers of body ${s.issuer_body_id} (${s.series}) break at ${s.numbers[bad]} (position ${bad + 1})`,
        );
    }
  } finally {
    await client.end();
  }
  return out;
}
