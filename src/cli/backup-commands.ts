/**
 * `danvan backup --to FILE` and `danvan restore --from FILE [--replace]`: with the embedded database (read
 * from the running server, or from a server started for the backup) or an external one (DATABASE_URL).
 * @module
 */
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { BackupError, isEmptyDatabase, restoreBackup, writeBackup } from "../db/backup.ts";
import { EMBEDDED_DB, startEmbeddedDatabase } from "../db/connection.ts";
import { clusterFolderOf, runningServerUrl } from "../db/embedded.ts";
import type { Logger } from "../logger.ts";

/** The database to back up: the external one, the running embedded server, or one started for the purpose. */
async function databaseToRead(config: Config, log: Logger) {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const running = await runningServerUrl(config.dataDir, EMBEDDED_DB);
  if (running) return { url: running, stop: async () => undefined };
  if (!existsSync(path.join(await clusterFolderOf(config.dataDir), "PG_VERSION"))) {
    throw new BackupError(
      `Chưa có dữ liệu trong ${config.dataDir} để sao lưu / There is no data in ${config.dataDir} to back up (DANVAN_DATA_DIR)`,
    );
  }
  return startEmbeddedDatabase(config.dataDir, log);
}

export async function backupCommand(config: Config, log: Logger, to: string): Promise<string> {
  const db = await databaseToRead(config, log);
  try {
    const file = path.resolve(to);
    const r = await writeBackup(db.url, file);
    return `Đã sao lưu / backed up ${r.tables} bảng/tables, ${r.rows} dòng/rows → ${file}`;
  } finally {
    await db.stop();
  }
}

export async function restoreCommand(
  config: Config,
  log: Logger,
  from: string,
  replace: boolean,
): Promise<string> {
  const file = path.resolve(from);
  if (!existsSync(file)) throw new BackupError(`Không có tệp / No such file: ${file}`);
  if (config.databaseUrl) {
    if (!(await isEmptyDatabase(config.databaseUrl))) {
      if (!replace) {
        throw new BackupError(
          "Cơ sở dữ liệu DATABASE_URL đã có dữ liệu; thêm --replace để xoá và thay bằng bản sao lưu / The DATABASE_URL database holds data: add --replace to drop it and put the backup in its place",
        );
      }
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: config.databaseUrl });
      await client.connect();
      await client.query("drop schema public cascade; create schema public");
      await client.end();
    }
    const r = await restoreBackup(config.databaseUrl, file);
    return `Đã khôi phục / restored ${r.tables} bảng/tables, ${r.rows} dòng/rows`;
  }
  if (await runningServerUrl(config.dataDir, EMBEDDED_DB)) {
    throw new BackupError(
      `danvan đang chạy trên ${config.dataDir}; hãy dừng máy chủ trước khi khôi phục / danvan is running on ${config.dataDir}: stop the server before restoring`,
    );
  }
  const cluster = await clusterFolderOf(config.dataDir);
  if (existsSync(path.join(cluster, "PG_VERSION"))) {
    if (!replace) {
      throw new BackupError(
        `${config.dataDir} đã có dữ liệu; thêm --replace để thay bằng bản sao lưu (dữ liệu cũ được giữ lại bên cạnh) / ${config.dataDir} holds data: add --replace to put the backup in its place (the old data is kept beside it)`,
      );
    }
    const aside = `${cluster}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await fs.rename(cluster, aside);
    log.info({ aside }, "the data that was there is kept");
  }
  const db = await startEmbeddedDatabase(config.dataDir, log);
  try {
    const r = await restoreBackup(db.url, file);
    return `Đã khôi phục / restored ${r.tables} bảng/tables, ${r.rows} dòng/rows → ${config.dataDir}`;
  } finally {
    await db.stop();
  }
}
