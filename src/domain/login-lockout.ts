/**
 * How long an account waits after failed logins: danvan's own choice (no legal source sets one), after OWASP's
 * Authentication Cheat Sheet ("Account lockout": lock the account, not the address, with an increasing delay)
 * and NIST SP 800-63B §5.2.2 (at most 100 consecutive failures before a lock). The first five failures cost
 * nothing; each further one doubles the wait, from 30 seconds up to 15 minutes. Failures older than the window
 * (15 minutes after the last one) are forgotten. Pure, no I/O.
 * @module
 */

export const FREE_FAILURES = 5;
export const FIRST_WAIT_SECONDS = 30;
export const LONGEST_WAIT_SECONDS = 15 * 60;
/** Failures are counted again from zero this long after the last one. */
export const FAILURE_WINDOW_SECONDS = 15 * 60;

/** The wait (seconds) that follows the `failures`-th failure in a row, 0 while the account is not locked. */
export function lockoutSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_FAILURES, 10);
  return Math.min(FIRST_WAIT_SECONDS * 2 ** doublings, LONGEST_WAIT_SECONDS);
}

/** Whole seconds from `nowMs` until `untilMs` (a lock's end), 0 once it has passed or when there is none. */
export function secondsUntil(untilMs: number | null, nowMs: number): number {
  return untilMs !== null && untilMs > nowMs ? Math.ceil((untilMs - nowMs) / 1000) : 0;
}

/**
 * One more failure: the count it makes (the failures still in the window, plus this one) and the wait
 * (seconds) it brings.
 */
export function nextFailure(
  failures: number,
  lastFailureMs: number | null,
  nowMs: number,
): { failures: number; waitSeconds: number } {
  const count = failuresInWindow(failures, lastFailureMs, nowMs) + 1;
  return { failures: count, waitSeconds: lockoutSeconds(count) };
}

/** The failures to count from: those of the window still open at `now` (ms), else none. */
export function failuresInWindow(failures: number, lastFailureMs: number | null, nowMs: number): number {
  if (lastFailureMs === null || nowMs - lastFailureMs > FAILURE_WINDOW_SECONDS * 1000) return 0;
  return failures;
}
