/** Sends generated requests to a running server as one user; returns what broke the fuzz rules. */
import { openApiDocument } from "../../src/app/openapi-sync.ts";
import { answerProblem, FuzzGenerator, type OpenApiDoc, seeded } from "./generate.ts";

export interface FuzzResult {
  requests: number;
  errors5xx: number;
  incomplete: number;
  operations: number;
  problems: string[];
}

/** Logs in over HTTP and returns the headers every request carries. */
export async function fuzzSession(
  base: string,
  username: string,
  password: string,
): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "", "x-csrf-token": csrf };
}

export async function runFuzz(
  base: string,
  user: { username: string; password: string },
  seed: number,
  count: number,
): Promise<FuzzResult> {
  const doc = (await openApiDocument()) as unknown as OpenApiDoc;
  // logging out or changing one's password would end the session the rest of the run uses
  const gen = new FuzzGenerator(
    doc,
    seeded(seed),
    (_m, p) => p === "/api/auth/logout" || p === "/api/auth/password",
  );
  let headers = await fuzzSession(base, user.username, user.password);
  const out: FuzzResult = {
    requests: 0,
    errors5xx: 0,
    incomplete: 0,
    operations: gen.operations,
    problems: [],
  };
  for (let n = 0; n < count; n++) {
    const r = gen.request(n);
    const res = await fetch(base + r.path, {
      method: r.method,
      headers: { ...headers, ...(r.contentType ? { "content-type": r.contentType } : {}) },
      body: r.body,
    });
    const text = await res.text();
    out.requests++;
    const problem = answerProblem(res.status, res.headers.get("content-type"), text);
    if (problem) {
      if (res.status >= 500) out.errors5xx++;
      else out.incomplete++;
      out.problems.push(`${r.method} ${r.path.slice(0, 200)} ${r.body?.slice(0, 200) ?? ""} → ${problem}`);
    }
    // an administrator's fuzzed write may end the session (a password reset): log in again
    if (res.status === 401 && !r.path.startsWith("/api/auth/")) {
      headers = await fuzzSession(base, user.username, user.password);
    }
  }
  return out;
}
