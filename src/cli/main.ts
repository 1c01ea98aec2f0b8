/**
 * `danvan` command line: serve, demo, migrate, backup, restore, units import, user add, keys reseal.
 * @module
 */
import fs from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ROLES } from "../access/permissions.ts";
import { loadConfig } from "../config.ts";
import { BackupError } from "../db/backup.ts";
import { openDatabase } from "../db/connection.ts";
import type { Role } from "../db/database.ts";
import { StartupError } from "../db/embedded.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_PASSWORD, seedDemo } from "../demo/demo.seed.ts";
import { isIsoDate } from "../domain/dates.ts";
import { AppError } from "../errors.ts";
import { resealAll } from "../features/letters/letter-reseal.service.ts";
import { parseMappingFile, parseUnitFile, UnitFileError } from "../features/units/unit-file.ts";
import { type Edition, importEdition } from "../features/units/units.import.ts";
import { createUserFromCli } from "../features/users/users.service.ts";
import { createLogger } from "../logger.ts";
import { loadSealer } from "../secrets/sealer.ts";
import { prepareDatabase, startServer, stopOnSignals } from "../server.ts";
import { backupCommand, restoreCommand } from "./backup-commands.ts";
import { progressBar } from "./progress.ts";
import { supervise } from "./supervisor.ts";

const HELP = `danvan — hệ thống thông tin công tác dân vận

Usage:
  danvan serve                      start the server (PORT, default 3000)
  danvan demo                       add demo users and data, then start the server
  danvan migrate                    apply database migrations
  danvan backup --to FILE           a consistent backup (also while the server runs)
  danvan restore --from FILE [--replace]
                                    restore a backup into DANVAN_DATA_DIR (or DATABASE_URL)
  danvan units import --file F --from YYYY-MM-DD [--mode update|replace]
                      [--mapping M.csv] [--province-mapping P.csv]
                                    load a new edition of the official unit list
  danvan user add --username U --name "Full name" --role ROLE [--unit CODE]
                                    create a user (password from DANVAN_PASSWORD or asked)
  danvan keys reseal                seal again under the first key what older keys sealed (writers'
                                    identities, scans of letters), so the old keys can be removed

Environment: DATABASE_URL (external PostgreSQL ≥ 15; default: embedded), DANVAN_DATA_DIR (default ./data), PORT.`;

const log = createLogger();

async function serve(withDemo: boolean) {
  const config = loadConfig();
  // the server runs in a child process this one restarts (cli/supervisor.ts), unless it is that child
  if (!process.env.DANVAN_SUPERVISED && process.env.DANVAN_SUPERVISE !== "0") {
    return supervise(config, log, withDemo);
  }
  const bar = progressBar();
  const handle = await prepareDatabase(config, log, bar.onProgress);
  bar.done();
  if (withDemo) {
    // the demo letters' writers are sealed under the key the server will open them with
    const demo = await seedDemo(handle.db, {
      sealer: await loadSealer(config.dataDir, config.secretKey ?? undefined),
    });
    console.log("\nTài khoản demo / demo accounts (mật khẩu / password: %s):", DEMO_PASSWORD);
    for (const u of demo.users) console.log(`  ${u.username.padEnd(16)} ${u.note}`);
    if (demo.requests)
      console.log(`  + ${demo.requests} yêu cầu báo cáo mẫu 2022–2026 / demo report requests`);
  }
  const server = await startServer(config, log, handle);
  stopOnSignals(server.stop, log);
  // a supervised server whose supervisor is gone stops too (the supervisor's database is going with it)
  process.once("disconnect", () => void server.stop().then(() => process.exit(0)));
  console.log(`\ndanvan đang chạy / is running at ${server.url}  (database: ${handle.kind})\n`);
}

async function migrate() {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await handle.close();
  }
}

async function unitsImport(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: "string" },
      from: { type: "string" },
      mode: { type: "string", default: "update" },
      mapping: { type: "string" },
      "province-mapping": { type: "string" },
      source: { type: "string" },
    },
  });
  if (!values.file || !values.from || !isIsoDate(values.from)) {
    throw new UsageError("units import needs --file F and --from YYYY-MM-DD (a real date)");
  }
  if (values.mode !== "update" && values.mode !== "replace")
    throw new UsageError("--mode must be update or replace");
  const edition: Edition = {
    source: values.source ?? `import-${values.from}`,
    validFrom: values.from,
    mode: values.mode,
    units: parseUnitFile(values.file, await fs.readFile(values.file, "utf8")),
    communeMapping: values.mapping
      ? parseMappingFile(values.mapping, await fs.readFile(values.mapping, "utf8"))
      : undefined,
    provinceMapping: values["province-mapping"]
      ? parseMappingFile(
          values["province-mapping"],
          await fs.readFile(values["province-mapping"], "utf8"),
          false,
        )
      : undefined,
  };
  const config = loadConfig();
  const bar = progressBar();
  const handle = await prepareDatabase(config, log, bar.onProgress);
  try {
    const summary = await importEdition(
      handle.db,
      edition,
      bar.onProgress,
      `cli:${process.env.USER ?? "unknown"}`,
    );
    bar.done();
    console.log(
      `Imported ${edition.units.length} rows: ${summary.inserted} new versions, ${summary.closed} closed, ${summary.unchanged} unchanged, ${summary.links} successor links.`,
    );
  } finally {
    await handle.close();
  }
}

async function askPassword(): Promise<string> {
  if (process.env.DANVAN_PASSWORD) return process.env.DANVAN_PASSWORD;
  if (!process.stdin.isTTY)
    throw new UsageError("set DANVAN_PASSWORD or run on a terminal to type the password");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const pw = await rl.question("Mật khẩu / password: ");
  rl.close();
  return pw;
}

async function userAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "system_admin" },
      unit: { type: "string" },
    },
  });
  if (!values.username || !/^[a-zA-Z0-9._-]{3,40}$/.test(values.username))
    throw new UsageError("--username: 3–40 letters, digits, . _ -");
  if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
  const role = values.role as Role;
  if ((role === "system_admin") !== !values.unit)
    throw new UsageError("--unit is required for every role except system_admin (and not allowed for it)");
  const password = await askPassword();
  const config = loadConfig();
  const handle = await prepareDatabase(config, log);
  try {
    const user = await createUserFromCli(handle.db, {
      username: values.username,
      displayName: values.name ?? values.username,
      password,
      grants: [{ role, unitCode: values.unit ?? null }],
    });
    if (!user) throw new UsageError(`user ${values.username} exists already`);
    console.log(`Created user ${user.username} (${role}${values.unit ? ` of ${values.unit}` : ""}).`);
  } finally {
    await handle.close();
  }
}

/** Seals again under the first key what older keys sealed; says how many, and that old keys may then go. */
async function reseal() {
  const config = loadConfig();
  const sealer = await loadSealer(config.dataDir, config.secretKey ?? undefined);
  const handle = await prepareDatabase(config, log);
  try {
    const done = await resealAll(handle.db, sealer);
    console.log(
      `Đã niêm phong lại / sealed again under key ${sealer.keyId}: ${done.identities} identities, ${done.scans} scans.`,
    );
    console.log("Các khóa cũ có thể gỡ bỏ / the older keys may now be removed (keep a backup of them).");
  } finally {
    await handle.close();
  }
}

class UsageError extends Error {}

async function backupOrRestore(cmd: "backup" | "restore", args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      to: { type: "string" },
      from: { type: "string" },
      replace: { type: "boolean", default: false },
    },
  });
  const config = loadConfig();
  if (cmd === "backup") {
    if (!values.to) throw new UsageError("backup needs --to FILE");
    console.log(await backupCommand(config, log, values.to));
  } else {
    if (!values.from) throw new UsageError("restore needs --from FILE");
    console.log(await restoreCommand(config, log, values.from, values.replace ?? false));
  }
}

async function main(argv: string[]) {
  const [cmd, sub, ...rest] = argv;
  switch (cmd) {
    case "serve":
      return serve(false);
    case "demo":
      return serve(true);
    case "migrate":
      return migrate();
    case "backup":
    case "restore":
      return backupOrRestore(
        cmd,
        [sub, ...rest].filter((a): a is string => a !== undefined),
      );
    case "units":
      if (sub === "import") return unitsImport(rest);
      throw new UsageError("unknown units command");
    case "user":
      if (sub === "add") return userAdd(rest);
      throw new UsageError("unknown user command");
    case "keys":
      if (sub === "reseal") return reseal();
      throw new UsageError("unknown keys command");
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      return;
    default:
      throw new UsageError(`unknown command: ${cmd}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UnitFileError) {
    console.error(`Tệp không hợp lệ, không nạp gì / invalid file, nothing was imported: ${err.file}`);
    for (const e of err.errors)
      console.error(
        `  dòng/row ${e.row}${e.column ? `, cột/column ${e.column}` : ""}: ${e.message_vi} / ${e.message_en}`,
      );
    process.exit(2);
  }
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (err instanceof AppError) {
    console.error(`${err.messageVi} / ${err.messageEn}`);
    process.exit(2);
  }
  if (err instanceof StartupError || err instanceof BackupError) {
    console.error(err.message);
    process.exit(1);
  }
  // one sentence, never a stack trace (it is in the log at debug level)
  const e = err as NodeJS.ErrnoException;
  log.debug({ err }, "failed");
  if (e.code === "EADDRINUSE") {
    console.error(
      `Cổng ${process.env.PORT ?? 3000} đang có chương trình khác dùng; hãy đặt PORT khác / Port ${process.env.PORT ?? 3000} is in use by another program: set PORT to another one`,
    );
  } else if (e.code === "EACCES" || e.code === "EPERM") {
    console.error(
      `Không có quyền truy cập ${e.path ?? ""} (${e.code}); hãy chạy từ một thư mục người dùng này ghi được, hoặc đặt DANVAN_DATA_DIR / No permission for ${e.path ?? "a file"} (${e.code}): run from a folder this user can write, or set DANVAN_DATA_DIR`,
    );
  } else {
    console.error(
      `danvan không khởi động được / danvan could not start: ${e.message ?? String(err)} (LOG_LEVEL=debug cho chi tiết / for details)`,
    );
  }
  process.exit(1);
});
