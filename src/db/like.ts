/** A word for a LIKE pattern, its wildcards and escape character taken literally. @module */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
