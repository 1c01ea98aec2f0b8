/**
 * Listens on one PostgreSQL notification channel over its own connection, reconnecting by itself, and hands
 * each payload to its subscribers. The channels: `auth_change` (a user whose sessions changed, from the trigger
 * of migration account-lockout-and-session-changes) and the revision counters the RevisionWatcher keeps
 * (`unit_revision`, `indicator_revision`, `fed_revision`). While the connection is down, `listening` is false
 * and whoever relies on it must not trust what it kept; after each (re)connection `onReset` runs, since what
 * was announced meanwhile is unknown.
 * @module
 */
import pg from "pg";
import type { Logger } from "pino";

export type Channel =
  | "auth_change"
  | "unit_revision"
  | "indicator_revision"
  | "fed_revision"
  | "legal_revision";

export class ChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly subscribers: ((payload: string) => void)[] = [];
  private readonly resets: (() => void | Promise<void>)[] = [];
  private readonly losses: (() => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    readonly channel: Channel,
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  /** `fn` for every notification; `onReset` after each (re)connection; `onLost` when the connection goes. */
  onChange(
    fn: (payload: string) => void,
    onReset: () => void | Promise<void> = () => undefined,
    onLost: () => void = () => undefined,
  ): void {
    this.subscribers.push(fn);
    this.resets.push(onReset);
    this.losses.push(onLost);
  }

  /** A statement on the listening connection; if it fails, the connection counts as lost (and is remade). */
  async query<R extends pg.QueryResultRow>(text: string): Promise<R[] | null> {
    const client = this.client;
    if (!client) return null;
    try {
      return (await client.query<R>(text)).rows;
    } catch (err) {
      this.lost(client, err);
      return null;
    }
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (n) => {
      if (n.channel === this.channel) for (const fn of this.subscribers) fn(n.payload ?? "");
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      // the channel is one of the fixed names the type allows, never user input
      await client.query(`listen ${this.channel}`);
      this.client = client;
      for (const fn of this.resets) await fn();
    } catch (err) {
      this.lost(client, err);
    }
  }

  private lost(client: pg.Client, err?: unknown): void {
    if (this.client === client) {
      this.client = null;
      for (const fn of this.losses) fn();
    }
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    if (err) this.log.warn({ err, channel: this.channel }, "notification listener lost; retrying in 1 s");
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) void this.start();
    }, 1000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
