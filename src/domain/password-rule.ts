/**
 * How long a password must be, the one rule the server enforces and the pages announce. danvan's own
 * choice (no legal source sets one for these accounts): 8 characters, as the common baseline (NIST SP 800-63B
 * §5.1.1.2 asks at least 8 for a password a user chooses). Pure, no I/O.
 * @module
 */

export const MIN_PASSWORD_LENGTH = 8;

/** True when the password is long enough to be accepted. */
export const passwordLongEnough = (password: string) => password.length >= MIN_PASSWORD_LENGTH;
