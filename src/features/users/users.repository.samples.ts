/** Sample arguments (after `db`) for every function of users.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  listUsers: [["82"]],
  grantsOf: [[1, 2]],
  findUser: [1],
  insertUser: [{ username: "dongthap", displayName: "Đồng Tháp", passwordHash: "scrypt$..." }],
  updateUserVersioned: [1, 1, { display_name: "Đồng Tháp" }],
  insertGrant: [{ userId: 1, role: "editor", unitCode: "82", bodyId: null, createdBy: 1 }],
  findGrant: [1],
  deleteGrant: [1],
};
