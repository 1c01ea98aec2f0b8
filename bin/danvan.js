#!/usr/bin/env -S node --max-semi-space-size=24
// The `danvan` command: runs the TypeScript sources through tsx (a runtime dependency), with a young
// generation large enough for a deadline burst (README, bench:burst).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
