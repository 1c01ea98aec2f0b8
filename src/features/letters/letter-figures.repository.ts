/** The SQL of the figures letters give the reports. @module */
import { sql } from "kysely";
import { batched, inOrder } from "../../db/batch.ts";
import type { Db } from "../../db/database.ts";

/** A unit's letters for a report of [from, to] (its province's only, when given). */
export interface PeriodKey {
  unit: string;
  province: string | null;
  from: string;
  to: string;
}

/**
 * Letters received and resolved in [from, to] under each unit, by kind (resolved on time: by the legal day, which
 * extensions move and a suspension's days lengthen). Reports saved at once share the statement (db/batch.ts).
 */
export const countForPeriod = batched(async (db: Db, keys: readonly PeriodKey[]) => {
  const { rows } = await sql<{
    i: number;
    counts: { kind: string; received: number; resolved: number; resolved_on_time: number }[];
  }>`
    select k.i::int as i, coalesce(c.counts, '[]'::jsonb) as counts
    from unnest(${keys.map((k) => k.unit)}::text[], ${keys.map((k) => k.province)}::text[],
                ${keys.map((k) => k.from)}::date[], ${keys.map((k) => k.to)}::date[])
      with ordinality as k (unit, province, d_from, d_to, i)
    left join lateral (
      select jsonb_agg(jsonb_build_object('kind', kind, 'received', received, 'resolved', resolved,
               'resolved_on_time', resolved_on_time) order by kind) as counts
      from (
        select kind,
          count(*) filter (where received_on between k.d_from and k.d_to) as received,
          count(*) filter (where status = 'resolved' and closed_on between k.d_from and k.d_to) as resolved,
          count(*) filter (where status = 'resolved' and closed_on between k.d_from and k.d_to
            and (legal_due is null or closed_on <= legal_due)) as resolved_on_time
        from letter
        where unit_path @> array[k.unit]
          and (k.province is null or province_code = k.province)
          and (received_on between k.d_from and k.d_to or closed_on between k.d_from and k.d_to)
        group by kind
      ) g
    ) c on true
    order by k.i`.execute(db);
  return inOrder(
    keys.map((_, i) => i + 1),
    rows,
    (r) => r.i,
  ).map((r) => r?.counts ?? []);
});
