/**
 * What Node's HTTP parser refuses before any route sees the request (a header block over the limit, a request
 * line that is not HTTP) answered as every other refusal is: the JSON error body, in Vietnamese and English,
 * instead of Node's bare "400 Bad Request" with no body. @module
 */
import type { Duplex } from "node:stream";
import { AppError } from "../errors.ts";

const TOO_LARGE = new Set(["HPE_HEADER_OVERFLOW"]);

/** The answer for one parser error: 431 for headers over the limit, 400 for anything else. */
export function clientErrorAnswer(code: string | undefined): string {
  const e = TOO_LARGE.has(code ?? "")
    ? new AppError(
        431,
        "headers_too_large",
        "Phần đầu (header) của yêu cầu quá lớn",
        "The request's headers are too large",
      )
    : new AppError(400, "bad_request", "Yêu cầu HTTP không hợp lệ", "The HTTP request is malformed");
  const body = JSON.stringify(e.toJSON());
  const reason = e.status === 431 ? "Request Header Fields Too Large" : "Bad Request";
  return [
    `HTTP/1.1 ${e.status} ${reason}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** Answers the parser's refusals on `server` with the JSON error body. */
export function answerClientErrors(server: {
  on(event: "clientError", listener: (err: NodeJS.ErrnoException, socket: Duplex) => void): unknown;
}) {
  server.on("clientError", (err, socket) => {
    // a connection reset or already answered: nothing to say to it
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorAnswer(err.code));
  });
}
