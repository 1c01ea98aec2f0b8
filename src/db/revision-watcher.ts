/**
 * Keeps the latest revision of a table in memory by listening on its channel: `unit_revision` (NOTIFY from
 * the trigger of migration add-unit-revision), `indicator_revision` (add-indicator-revision),
 * `fed_revision` (add-fed-revision) or `legal_revision` (legal-revision), so cached answers are checked without a query. While the listening
 * connection is down, `current` is null and readers ask the database instead.
 * @module
 */
import type { Logger } from "pino";
import { ChangeListener } from "./change-listener.ts";

export class RevisionWatcher {
  private revision: number | null = null;
  private readonly listener: ChangeListener;

  constructor(
    url: string,
    log: Logger,
    private readonly channel:
      | "unit_revision"
      | "indicator_revision"
      | "fed_revision"
      | "legal_revision" = "unit_revision",
  ) {
    this.listener = new ChangeListener(url, log, channel);
    this.listener.onChange(
      (payload) => this.observe(Number(payload)),
      () => this.refresh(),
      () => {
        this.revision = null;
      },
    );
  }

  /** The latest revision seen, or null when not listening. */
  get current(): number | null {
    return this.revision;
  }

  /** Revisions only grow: keep the highest one heard or read. */
  observe(revision: number): void {
    if (this.listener.listening && (this.revision === null || revision > this.revision))
      this.revision = revision;
  }

  /**
   * After a write in this process: read the revision now rather than wait for its notification. Never fails
   * the write that asks: if the read fails, the watcher counts as not listening (readers ask the database)
   * until it has reconnected.
   */
  async refresh(): Promise<void> {
    // the table is one of four fixed names (the type says which), never user input
    const rows = await this.listener.query<{ revision: string }>(
      `select revision from ${this.channel} where id = 1`,
    );
    if (rows) this.observe(Number(rows[0]?.revision ?? 0));
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  async stop(): Promise<void> {
    this.revision = null;
    await this.listener.stop();
  }
}
