/** Sample arguments (after `db`) for every function of auth.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  findUserByUsername: ["admin"],
  findUserById: [1],
  createSession: [{ id: "hash", userId: 1, csrfToken: "csrf", expiresAt: new Date("2026-01-01T00:00:00Z") }],
  findLiveSession: ["hash"],
  deleteSession: ["hash"],
  deleteSessionsOfUser: [1, "hash"],
  setPasswordHash: [1, "scrypt$..."],
  recordFailedLogin: [1, 6, 60],
  clearFailedLogins: [1],
  touchSession: ["hash"],
  deleteIdleSession: ["hash", 120],
};
