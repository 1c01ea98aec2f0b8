/**
 * What a repository's samples file (`X.repository.samples.ts`, beside `X.repository.ts`) exports: for each of
 * the repository's functions, the arguments after `db` it is called with to record its SQL snapshot
 * (src/db/sql-snapshot.ts). A function without samples fails the snapshot sync.
 * @module
 */
export type RepositorySamples = Record<string, unknown[]>;
