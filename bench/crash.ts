/**
 * bench:crash — BENCH_TRIALS (20) crash trials (test/crash/trials.ts): report saves and document numbers under
 * load, kill -9 of the server (restarted by its supervisor) or of PostgreSQL with everything (started again),
 * then every acknowledged write checked and each body's numbers checked for gaps and doubles. Target: lost=0.
 */
import { runCrashTrials } from "../test/crash/trials.ts";

const TRIALS = Number(process.env.BENCH_TRIALS ?? 20);
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const started = performance.now();
const r = await runCrashTrials(TRIALS, say);
for (const p of r.problems) say(`PROBLEM ${p}`);
console.log(
  `trials=${r.trials} acknowledged=${r.acknowledged} lost=${r.lost} number_problems=${r.numberProblems} seconds=${((performance.now() - started) / 1000).toFixed(0)}`,
);
