/**
 * A lean HTTP/1.1 keep-alive connection for the load generators: one request at a time on a raw socket, the
 * request written as one buffer, the answer read only as far as its status and its length. The clients share
 * the machine with the server under test, so they should cost it as little as possible (the 200 communes of a
 * real deadline are 200 other machines); Node's http client costs several times more per request.
 * @module
 */
import net from "node:net";

const HEAD_END = Buffer.from("\r\n\r\n");

export class RawConnection {
  private socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (status: number) => void; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly host: string,
    port: number,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    this.socket.on("error", (e) => this.fail(e));
    this.socket.on("close", () => this.fail(new Error("connection closed")));
  }

  private fail(e: Error) {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }

  /** Completes the waiting request once its whole answer is in (Content-Length or chunked). */
  private parse() {
    if (!this.waiting) return;
    const end = this.buffer.indexOf(HEAD_END);
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString("latin1");
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let total: number;
    if (length) {
      total = end + 4 + Number(length[1]);
      if (this.buffer.length < total) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const last = this.buffer.indexOf("\r\n0\r\n\r\n", end);
      if (last < 0) return;
      total = last + 7;
    } else {
      total = end + 4;
    }
    this.buffer = this.buffer.subarray(total);
    const w = this.waiting;
    this.waiting = null;
    w.resolve(status);
  }

  /** Sends one request and resolves with the answer's status. */
  request(method: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
    const payload = Buffer.from(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}\r\ncontent-length: ${payload.length}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(Buffer.concat([Buffer.from(`${head}\r\n`, "latin1"), payload]));
    });
  }

  close() {
    this.socket.destroy();
  }
}
