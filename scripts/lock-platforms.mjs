#!/usr/bin/env node
// The npm registry reachable here serves only the linux-x64 build of some tools (biome), so `npm install`
// writes a lock without their other platform packages, and `npm ci` then refuses the lock. This adds the
// missing entries (platform-restricted, optional: npm skips them on this machine). Run after `npm install`.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;
const PLATFORM = /-(darwin|linux|win32|android|freebsd)-(x64|arm64|arm|ia32)(-musl)?$/;
let added = 0;
for (const entry of Object.values({ ...pkgs })) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const at = `node_modules/${dep}`;
    const m = PLATFORM.exec(dep);
    if (pkgs[at] || !m || !/^\d/.test(version)) continue;
    pkgs[at] = {
      version,
      cpu: [m[2]],
      ...(entry.dev ? { dev: true } : {}),
      ...(m[3] ? { libc: ["musl"] } : {}),
      optional: true,
      os: [m[1]],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
