/**
 * Request bodies, at most `maxSize` bytes (413 beyond). A JSON body is read straight from Node's request and
 * handed to Hono's body cache as text, so `c.req.json()` (the zod validators) parses it without a WHATWG
 * Request and stream being built around it first — a tenth of the server's time per save or submit under a
 * deadline burst. Other bodies (uploads, forms), and requests not served by Node's HTTP server (tests calling
 * `app.request`), go through Hono's bodyLimit. @module
 */
import type { IncomingMessage } from "node:http";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errors } from "../errors.ts";

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export function limitBody(maxSize: number): MiddlewareHandler {
  const fallback = bodyLimit({
    maxSize,
    onError: () => {
      throw errors.tooLarge();
    },
  });
  return async (c, next) => {
    // a GET or HEAD has no body to limit: Hono's bodyLimit would build a WHATWG Request just to see that
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || !JSON_TYPE.test(c.req.header("content-type") ?? "")) return fallback(c, next);
    if (Number(c.req.header("content-length") ?? 0) > maxSize) throw errors.tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxSize) throw errors.tooLarge();
      chunks.push(chunk);
    }
    // Hono keeps each body reading as a promise there (its type says otherwise)
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(
      Buffer.concat(chunks, size).toString("utf8"),
    );
    return next();
  };
}
