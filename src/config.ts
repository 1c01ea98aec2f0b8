/** Runtime settings, read once from the environment. @module */
import path from "node:path";

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number: ${env.PORT}`);
  return {
    port,
    dataDir: path.resolve(env.DANVAN_DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    logLevel: env.LOG_LEVEL ?? "info",
    secureCookies: env.DANVAN_SECURE_COOKIES === "1",
  };
}

export const APP_VERSION = "0.1.0";
