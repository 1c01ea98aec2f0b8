/**
 * Keeps the latest revision of a table in memory by listening on its channel: `unit_revision` (NOTIFY from
 * the trigger of migration add-unit-revision), `indicator_revision` (add-indicator-revision) or
 * `fed_revision` (add-fed-revision), so cached answers are checked without a query. While the listening connection is down, `current` is null and readers
 * ask the database instead.
 * @module
 */
import pg from "pg";
import type { Logger } from "pino";

export class RevisionWatcher {
  private revision: number | null = null;
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly channel: "unit_revision" | "indicator_revision" | "fed_revision" = "unit_revision",
  ) {}

  /** The latest revision seen, or null when not listening. */
  get current(): number | null {
    return this.revision;
  }

  /** Revisions only grow: keep the highest one heard or read. */
  observe(revision: number): void {
    if (this.client && (this.revision === null || revision > this.revision)) this.revision = revision;
  }

  /**
   * After a write in this process: read the revision now rather than wait for its notification. Never fails
   * the write that asks: if the read fails, the watcher counts as not listening (readers ask the database)
   * until it has reconnected.
   */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await this.read(client);
    } catch (err) {
      this.lost(client, err);
    }
  }

  private async read(client: pg.Client): Promise<void> {
    const r = await client.query<{ revision: string }>(`select revision from ${this.channel} where id = 1`);
    this.observe(Number(r.rows[0]?.revision ?? 0));
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (n) => {
      if (n.channel === this.channel) this.observe(Number(n.payload));
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      // the channel is one of three fixed names (the type says which), never user input
      await client.query(`listen ${this.channel}`);
      this.client = client;
      await this.read(client);
    } catch (err) {
      this.lost(client, err);
    }
  }

  private lost(client: pg.Client, err?: unknown): void {
    if (this.client === client) this.client = null;
    this.revision = null;
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    if (err) this.log.warn({ err, channel: this.channel }, "revision listener lost; retrying in 1 s");
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
    this.revision = null;
    await c?.end().catch(() => undefined);
  }
}
