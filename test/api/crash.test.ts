/** Crash trials (test/crash/trials.ts): kill -9 of the server and of PostgreSQL under load loses nothing acknowledged. */
import { expect, it } from "vitest";
import { runCrashTrials } from "../crash/trials.ts";

it("kill -9 of the server or of PostgreSQL under load: every acknowledged write is there, numbers without gaps", {
  timeout: 600_000,
}, async () => {
  const r = await runCrashTrials(5);
  expect(r.problems).toEqual([]);
  expect(r.acknowledged).toBeGreaterThan(20);
});
