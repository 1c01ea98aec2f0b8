/**
 * Limits per caller's address for what citizens reach without signing in (rate-limiter-flexible, in memory):
 * one more request, or a 429 saying how many seconds to wait.
 * @module
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { AppError } from "../errors.ts";

type Ctx = Parameters<typeof getConnInfo>[0];

/** The caller's address (one key of the limiter); in-process requests (tests) have none. */
function remoteAddress(c: Ctx): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "in-process";
  }
}

/** `points` requests per address every `seconds`; the one past them gets a 429 with the seconds to wait. */
export function addressLimiter(points: number, seconds: number) {
  const limiter = new RateLimiterMemory({ points, duration: seconds });
  return async (c: Ctx) => {
    try {
      await limiter.consume(remoteAddress(c));
    } catch (r) {
      const wait = Math.ceil(((r as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000);
      throw new AppError(
        429,
        "rate_limited",
        `Gửi quá nhiều lần; thử lại sau ${wait} giây`,
        `Too many requests; try again in ${wait} seconds`,
        { retryAfter: wait },
      );
    }
  };
}
