/**
 * Demo reporting data: for the demo provinces Đồng Tháp (82) and Thái Nguyên (19), yearly and
 * half-yearly requests from 2022 to 2026 to every commune of the time (before 01/07/2025 the communes of the
 * provinces that merged into today's, remapped), with realistic numbers that grow from year to year, most
 * on time, some late with a reason, some missing, some returned, and the current year's still open. Values
 * come from a hash of unit and period, so a second run gives the same picture. Idempotent.
 * @module
 */

import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database, SubmissionValues } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import { TWO_TIER_FROM, todayInVietnam } from "../domain/dates.ts";
import { parsePeriod, periodLabelOrCode } from "../domain/periods.ts";
import * as formRepo from "../features/forms/forms.repository.ts";
import * as exchangeRepository from "../features/reporting/exchange/exchange.repository.ts";
import * as requestsRepository from "../features/reporting/requests/requests.repository.ts";
import { createRequest } from "../features/reporting/requests/requests.service.ts";
import { recount } from "../features/reporting/rollup/rollup.service.ts";
import * as unitRepo from "../features/units/units.repository.ts";

const PERIODS = ["2022", "2023", "2024", "2025S1", "2025", "2026S1", "2026"] as const;
const PROVINCES = ["82", "19"];
const LATE_REASONS = [
  "Cán bộ phụ trách nghỉ ốm, chậm tổng hợp số liệu",
  "Chờ số liệu của các ấp, khu phố",
  "Đường truyền mạng bị gián đoạn",
  "Sắp xếp lại bộ máy, bàn giao công việc",
];

/** A stable number in [0, 1) from the given parts. */
function rand(...parts: string[]): number {
  return createHash("sha1").update(parts.join("|")).digest().readUInt32BE(0) / 2 ** 32;
}

const between = (lo: number, hi: number, r: number) => Math.round(lo + (hi - lo) * r);

/**
 * The province's board that writes a request's công văn near the period's end: the Ban Dân vận Tỉnh ủy until
 * the provinces merged it with the Ban Tuyên giáo (from 03/02/2025, RULES.md §1f [S54]), the Ban Tuyên giáo
 * và Dân vận after.
 */
const boardSymbolFor = (period: string) => (parsePeriod(period).end >= "2025-02-03" ? "BTGDVTU" : "BDVTU");

/**
 * A unit's demo figures for a period. `size` is how many communes of before the 2025 reform the unit stands
 * for (a commune of 2025 merged from three old ones reports about three times what each of them did), so a
 * trend across the reform compares like with like.
 */
function valuesFor(unit: string, period: string, half: boolean, size: number): SubmissionValues {
  const r = (k: string) => rand(unit, period, k);
  const year = Number(period.slice(0, 4));
  const growth = 1 + (year - 2022) * 0.08;
  const scale = (half ? 0.5 : 1) * size;
  const kept = Math.round(between(1, 6, r("kept")) * size);
  const fresh = Math.round(between(1, 7, r("new")) * growth * size);
  const total = kept + fresh;
  const economic = Math.min(total, Math.round(total * (0.3 + 0.3 * r("eco"))));
  const received = Math.round(between(4, 60, r("letters")) * scale);
  const resolved = Math.max(0, received - Math.round(between(0, 4, r("open")) * size));
  const share = Math.min(99.5, 30 + (year - 2022) * 12 + 20 * r("share")).toFixed(2);
  const sessions = Math.round(between(8, 40, r("sessions")) * scale * growth);
  return {
    DISSEMINATION_SESSIONS: { "": String(sessions) },
    DISSEMINATION_ATTENDEES: { "": String(sessions * between(40, 120, r("att"))) },
    RECEPTION_DAYS: { "": String(half ? between(22, 26, r("rec")) : between(44, 52, r("rec"))) },
    LETTERS_RECEIVED: { "": String(received) },
    LETTERS_RESOLVED: { "": String(resolved) },
    DOSSIERS_RECEIVED: { "": String(Math.round(between(300, 2500, r("dossiers")) * scale * growth)) },
    ONLINE_DOSSIER_SHARE: { "": share.replace(/\.?0+$/, "") },
    DVK_MODELS_TOTAL: { "": String(total), "field=kinh tế": String(economic) },
    DVK_MODELS_NEW: { "": String(fresh) },
    DVK_MODELS_KEPT: { "": String(kept) },
    FUNDS_MOBILISED: { "": String(Math.round(between(50, 2000, r("funds")) * size) * 1_000_000) },
  };
}

/** A commune's text for every section of the outline, as communes write them (the Tháp Mười report's). */
function narrativeFor(name: string, period: string) {
  return {
    I: `Tình hình chính trị, an ninh trật tự trên địa bàn ${name.replace(/^(Xã|Phường|Đặc khu) /, "")} ổn định; Nhân dân tin tưởng, đồng thuận với chủ trương của Đảng, chính sách của Nhà nước (${periodLabelOrCode(period, "vi").toLocaleLowerCase("vi")}).`,
    "II.1": "Cấp ủy, chính quyền ban hành kế hoạch, tổ chức quán triệt đến cán bộ, đảng viên và Nhân dân.",
    "II.2":
      "Nhận thức của cán bộ, công chức về công tác dân vận chính quyền được nâng lên; tác phong phục vụ Nhân dân có chuyển biến.",
    "III.1":
      "Tổ chức học tập, quán triệt các văn bản về công tác dân vận lồng ghép trong sinh hoạt chi bộ, họp ấp, khu phố.",
    "III.2":
      "Thực hiện tốt tiếp công dân định kỳ; giải quyết đơn thư đúng thời hạn; công khai thủ tục hành chính tại bộ phận một cửa.",
    "IV.1": "Công tác dân vận chính quyền có chuyển biến; cải cách hành chính được đẩy mạnh.",
    "IV.2": "Một số nơi báo cáo còn chậm; việc nhân rộng mô hình “Dân vận khéo” chưa đều.",
    "IV.3": "Đề nghị cấp trên tăng cường tập huấn nghiệp vụ dân vận cho cán bộ cơ sở.",
    V: "Tiếp tục thực hiện tốt quy chế dân chủ ở cơ sở; xây dựng, nhân rộng mô hình “Dân vận khéo” gắn với nông thôn mới.",
  };
}

/**
 * How many communes of before the reform each of today's communes of a province stands for (full links count
 * one, partial ones half; a unit with no predecessor stands for itself).
 */
async function sizesOf(db: Kysely<Database>, province: string): Promise<Map<string, number>> {
  const communes = await unitRepo.listChildren(db, province, todayInVietnam());
  const links = await unitRepo.linksTo(
    db,
    communes.map((c) => c.id),
  );
  const byId = new Map<number, number>();
  for (const l of links)
    byId.set(l.successor_id, (byId.get(l.successor_id) ?? 0) + (l.kind === "full" ? 1 : 0.5));
  return new Map(communes.map((c) => [c.code, Math.max(1, byId.get(c.id) ?? 1)]));
}

/** Seeds the demo reporting data unless the demo provinces already have requests. */
export async function seedDemoReporting(db: Kysely<Database>, kept: Kept, admin: Auth): Promise<number> {
  const existing = await requestsRepository.listIssuedRequests(
    db,
    { units: [...PROVINCES], bodies: PROVINCES.map(() => 0) },
    1,
  );
  if (existing.length > 0) return 0;
  // the latest version of the shipped outline (listForms gives each code's newest version first)
  const form = (await formRepo.listForms(db)).find((f) => f.code === "dvcq-thap-muoi");
  if (!form) throw new Error("built-in form dvcq-thap-muoi missing");
  let count = 0;
  for (const province of PROVINCES) {
    const sizes = await sizesOf(db, province);
    for (const period of PERIODS) {
      const request = await createRequest(db, kept, admin, {
        issuerUnitCode: province,
        formId: form.id,
        period: { code: period },
        targetLevel: "commune",
        referenceNo: `${between(100, 250, rand(province, period, "cv"))}-CV/${boardSymbolFor(period)}`,
      });
      const open = period === "2026";
      // from 01/07/2025 the targets are today's communes (a code may have been an old commune's too)
      const afterReform = parsePeriod(period).end >= TWO_TIER_FROM;
      const deadline = new Date(`${request.deadline}T09:00:00+07:00`).getTime();
      const day = 86_400_000;
      const targets = await requestsRepository.listSubmissionsOfRequest(db, request.id);
      const states: exchangeRepository.SubmissionState[] = [];
      for (const t of targets) {
        const r = rand(t.unit_code, period, "status");
        const base = {
          id: t.id,
          // a commune of the time (before the reform) stands for itself; today's for the old ones it took over
          values: valuesFor(
            t.unit_code,
            period,
            period.includes("S"),
            afterReform ? (sizes.get(t.unit_code) ?? 1) : 1,
          ),
          narrative: narrativeFor(t.unit_name, period),
          late_reason: null as string | null,
          comment: null as string | null,
          first_submitted_at: null as string | null,
          submitted_at: null as string | null,
          accepted_at: null as string | null,
          actor_id: admin.userId,
          actor_name: "demo",
        };
        const at = (offsetDays: number) => new Date(deadline + offsetDays * day).toISOString();
        if (open) {
          if (r < 0.35) states.push({ ...base, status: "draft" });
          else if (r < 0.5)
            states.push({ ...base, status: "submitted", first_submitted_at: at(-20), submitted_at: at(-20) });
          else if (r < 0.58) {
            states.push({
              ...base,
              status: "accepted",
              first_submitted_at: at(-22),
              submitted_at: at(-22),
              accepted_at: at(-21),
            });
          }
          continue;
        }
        if (r < 0.04) continue; // missing
        const late = r > 0.82;
        const sent = late
          ? at(between(1, 12, rand(t.unit_code, period, "late")))
          : at(-between(0, 6, rand(t.unit_code, period, "early")));
        const lateReason = late
          ? (LATE_REASONS[Math.floor(rand(t.unit_code, period, "why") * LATE_REASONS.length)] ?? null)
          : null;
        if (r < 0.07) {
          states.push({
            ...base,
            status: "returned",
            first_submitted_at: sent,
            submitted_at: sent,
            late_reason: lateReason,
            comment: "Đề nghị bổ sung số liệu tiếp công dân và đơn thư",
          });
        } else if (r < 0.1) {
          states.push({
            ...base,
            status: "submitted",
            first_submitted_at: sent,
            submitted_at: sent,
            late_reason: lateReason,
          });
        } else {
          states.push({
            ...base,
            status: "accepted",
            first_submitted_at: sent,
            submitted_at: sent,
            accepted_at: new Date(new Date(sent).getTime() + 2 * day).toISOString(),
            late_reason: lateReason,
          });
        }
      }
      await db.transaction().execute(async (trx) => {
        await exchangeRepository.setSubmissionStates(trx, states);
        await recount(
          trx,
          states.filter((s) => s.status === "accepted").map((s) => s.id),
        );
      });
      count++;
    }
  }
  return count;
}
