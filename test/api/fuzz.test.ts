/**
 * Requests generated from the OpenAPI document (fixed seed) sent through Node's HTTP server as an administrator
 * and as a commune editor: no answer is a 5xx, and every error has its code and both messages.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { answerClientErrors } from "../../src/app/client-errors.ts";
import { runFuzz } from "../fuzz/run.ts";
import { createTestApp } from "../helpers.ts";

const PER_USER = 1_100;
let base = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const t = await createTestApp();
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

it.each([
  ["admin", 1501],
  ["xa.thapmuoi", 1502],
])("fuzzed requests as %s: no 5xx, every error complete", { timeout: 240_000 }, async (username, seed) => {
  const r = await runFuzz(base, { username, password: "demo12345" }, seed, PER_USER);
  expect(r.problems.slice(0, 40)).toEqual([]);
  expect(r.requests).toBe(PER_USER);
  expect(r.operations).toBeGreaterThan(100);
});
