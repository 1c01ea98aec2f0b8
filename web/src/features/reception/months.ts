/** The months a reception page offers: this one (in Vietnam) and the twelve before it, newest first ("2026-03"). */
export function recentMonths(): string[] {
  const now = new Date(Date.now() + 7 * 3600_000);
  return Array.from({ length: 13 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });
}
