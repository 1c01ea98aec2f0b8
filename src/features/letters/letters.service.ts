/**
 * Citizens' letters (đơn thư) at the body that handles them: intake from every channel with a registration code
 * and the citizen's tracking secret, the writer's identity sealed at once (a denouncer's never stored in clear:
 * Luật Tố cáo 2018 Art. 9), letters that may be the same case found and linked (never merged), classification,
 * and the lists by unit, kind, state and due day. The steps are in letter-steps.service.ts; reading a protected
 * identity in letter-identity.service.ts. Handling needs `letter.handle` on the body; reading, `unit.read`.
 * @module
 */
import { randomBytes } from "node:crypto";
import {
  type Auth,
  requirePermission,
  requireRowAccess,
  requireUnitAccess,
  scopeGrants,
} from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import {
  addCounted,
  type ClockRule,
  type Complexity,
  type LetterKind,
  legalClock,
  ruleOn,
} from "../../domain/letter-clock.ts";
import {
  type LetterField,
  type LetterFlag,
  type LetterStatus,
  OPEN_STATUSES,
} from "../../domain/letter-workflow.ts";
import { foldVietnamese, nameMatchKey } from "../../domain/vn-text.ts";
import type { WorkingCalendar } from "../../domain/working-days.ts";
import { errors } from "../../errors.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import { bodyWithPath } from "../bodies/bodies.service.ts";
import { keptWorkingCalendar, loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { listedDto, type TimedLetter, timelineOf } from "./letter-dto.ts";
import { countForPeriod } from "./letter-figures.repository.ts";
import { keptClockRules, storedClockRules } from "./letter-rules.service.ts";
import * as repo from "./letters.repository.ts";

/** The writer's identity as typed at intake; sealed, never stored in clear for a denunciation. */
export interface Sender {
  name?: string;
  address?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
}

export interface IntakeInput {
  bodyId: number;
  kind: LetterKind;
  channel: "session" | "post" | "hotline" | "online" | "direct";
  receivedOn: string;
  subject: string;
  content?: string;
  field?: LetterField;
  sender?: Sender;
  flags?: LetterFlag[];
  crowdSize?: number | null;
  /**
   * A second-round complaint (Luật Khiếu nại 2011, Art. 33): the first round's letter, resolved by the body
   * below, which this one is linked to; the second round's time limits apply.
   */
  firstRoundOf?: number | null;
}

/** 32 letters and digits no one mistakes for another (no 0/O, 1/I): one random byte's low five bits each. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const randomCode = (n: number) => Array.from(randomBytes(n), (b) => ALPHABET[b & 31]).join("");

/** What matches repeated letters: the writer's name without accents, under a key (no name is kept for it). */
export const personKeyOf = (sealer: Sealer, name: string | undefined) =>
  name?.trim() ? sealer.fingerprint(foldVietnamese(nameMatchKey(name))) : "";

/**
 * What repeated letters' texts are compared by: the subject and the start of the content, without accents, in
 * plain letters and digits (at most 600 characters, so it fits in the unit's index: migration
 * letter-unit-texts).
 */
const contentKeyOf = (subject: string, content: string) =>
  foldVietnamese(`${subject} ${content}`)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .slice(0, 600);

/** The legal due day of a letter as it will stand, from its steps (null once closed, or while suspended). */
export function legalDueOf(
  l: TimedLetter,
  events: Parameters<typeof timelineOf>[1],
  cal: WorkingCalendar,
  rules: readonly ClockRule[],
): string | null {
  return legalClock(timelineOf(l, events), cal, rules)?.due ?? null;
}

export async function intake(db: Db, kept: Kept, sealer: Sealer, auth: Auth | null, input: IntakeInput) {
  requirePermission(auth, "letter.handle");
  // the body with its unit's path (read once for the access check and kept on the letter), and the letter's id
  // drawn meanwhile, so its identity is sealed to it before the one write
  const [found, id] = await Promise.all([bodyWithPath(db, input.bodyId), repo.nextLetterId(db, 1)]);
  const { a, row: body } = requireRowAccess(auth, "letter.handle", found, input.bodyId);
  if (body.valid_to !== null)
    throw errors.badRequest("Cơ quan đã thôi hoạt động", "The body no longer exists", { field: "bodyId" });
  if (input.firstRoundOf) await requireFirstRound(db, auth, input, body);
  return register(db, kept, sealer, { userId: a.userId, username: a.username }, body, id, input);
}

/**
 * A second-round complaint goes to the body directly above the one that resolved the first round, about a
 * first-round complaint resolved there (Luật Khiếu nại 2011, Art. 7 and 33); the first round's letter is read
 * like any (404 when the user may not read it).
 */
async function requireFirstRound(db: Db, auth: Auth | null, input: IntakeInput, body: Receiver) {
  const { l: first } = await readableLetter(db, auth, input.firstRoundOf as number, "unit.read");
  if (input.kind !== "complaint")
    throw errors.badRequest(
      "Chỉ đơn khiếu nại mới có giải quyết lần hai",
      "Only a complaint has a second round",
      { field: "kind" },
    );
  if (first.kind !== "complaint" || first.round !== 1 || first.status !== "resolved")
    throw errors.badRequest(
      "Đơn lần đầu phải là đơn khiếu nại đã có quyết định giải quyết lần đầu",
      "The first round must be a complaint resolved by a first decision",
      { field: "firstRoundOf" },
    );
  if (first.unit_path.at(-2) !== body.unit_code)
    throw errors.badRequest(
      "Khiếu nại lần hai gửi cơ quan cấp trên trực tiếp của cơ quan đã giải quyết lần đầu",
      "A second-round complaint goes to the body directly above the one that resolved the first round",
      { field: "bodyId" },
    );
}

/** Who the audit log names for a letter sent through the public online form. */
const ONLINE_FORM = "Cổng trực tuyến (người dân tự gửi)";

/** Who registers a letter: an official, or no one for the online form (the audit names the form). */
export type Registrar = { userId: number; username: string } | null;

/** The body a letter goes to, with its unit's path. */
export type Receiver = { id: number; unit_code: string; province_code: string; unit_path: string[] };

/** Registers a letter at a body already checked: the intake of every channel ends here. */
export async function register(
  db: Db,
  kept: Kept,
  sealer: Sealer,
  by: Registrar,
  body: Receiver,
  id: number,
  input: IntakeInput,
) {
  const path = body.unit_path;
  const today = todayInVietnam();
  if (input.receivedOn > today)
    throw errors.badRequest("Ngày nhận đơn ở tương lai", "The day received is in the future", {
      field: "receivedOn",
    });
  const sender = Object.fromEntries(
    Object.entries(input.sender ?? {}).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
  ) as Sender;
  const named = Boolean(sender.name?.trim());
  // a denunciation without a name is anonymous: kept, marked, not processed (Luật Tố cáo 2018 Art. 25)
  const anonymous = input.kind === "denunciation" && !named;
  if (!named && input.kind === "complaint")
    throw errors.badRequest(
      "Đơn khiếu nại cần họ tên người khiếu nại",
      "A complaint needs the complainant's name",
      { field: "sender.name" },
    );
  const [cal, rules] = await Promise.all([keptWorkingCalendar(db, kept), keptClockRules(db, kept)]);
  const content = input.content?.trim() ?? "";
  const crowded = (input.crowdSize ?? 0) >= 5;
  const flags = [...new Set([...(input.flags ?? []), ...(crowded ? (["crowded"] as const) : [])])];
  const secret = randomCode(8);
  const handle = ruleOn("letter.handle", input.receivedOn, rules);
  const hasIdentity = Object.keys(sender).length > 0;
  const sealed = hasIdentity ? sealer.seal(sender, `letter:${id}`) : null;
  const round = input.firstRoundOf ? 2 : 1;
  const fields = {
    id,
    round,
    unit_code: body.unit_code,
    unit_path: path,
    province_code: body.province_code,
    body_id: body.id,
    kind: input.kind,
    channel: input.channel,
    received_on: input.receivedOn,
    subject: input.subject.trim(),
    content,
    field: input.field ?? "other",
    sender_name: input.kind === "denunciation" ? null : (sender.name?.trim() ?? null),
    person_key: personKeyOf(sealer, sender.name),
    content_key: contentKeyOf(input.subject, content),
    anonymous,
    flags,
    crowd_size: input.crowdSize ?? null,
    step_due: addCounted(input.receivedOn, handle.days, handle.count, cal),
    legal_due: legalDueOf(
      {
        kind: input.kind,
        round,
        complexity: "normal",
        remote: false,
        received_on: input.receivedOn,
        accepted_on: null,
        closed_on: null,
      },
      [],
      cal,
      rules,
    ),
    created_by: by?.userId ?? null,
  };
  for (let attempt = 0; ; attempt++) {
    const code = `${randomCode(4)}-${randomCode(4)}`;
    try {
      const letter = await repo.registerLetter(db, {
        row: { ...fields, code, secret_hash: sealer.secretTag(`${code}:${secret}`) },
        firstRound: input.firstRoundOf ?? null,
        identity: sealed && { key_id: sealed.keyId, sealed: sealed.sealed },
        audit: {
          actorId: by?.userId ?? null,
          actorName: by?.username ?? ONLINE_FORM,
          action: "letter.create",
          entity: "letter",
          entityId: String(id),
          unitCode: body.unit_code,
          scope: path,
          before: null,
          // the audit never holds the identity either
          after: {
            ...listedDto({ ...fields, code, status: "received", closed_on: null, outcome: null }),
            identitySealed: hasIdentity,
          },
        },
      });
      return { letter, secret };
    } catch (e) {
      // a code drawn twice (one in about 10^12): draw again
      if (attempt < 3 && (e as { code?: string }).code === "23505") continue;
      throw e;
    }
  }
}

/** A letter the user may read (404 otherwise, whether it exists or not). */
export async function readableLetter(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "unit.read" | "letter.handle",
) {
  const { a, row } = requireRowAccess(auth, permission, await repo.findLetter(db, id), id);
  return { l: row, a };
}

export interface ListQuery {
  unit: string;
  kind?: LetterKind;
  state?: LetterStatus | "open";
  due?: "soon" | "overdue";
}

/** Letters under a unit, soonest due first: by kind, state, and "due within 5 working days or overdue". */
export async function listLetters(db: Db, auth: Auth | null, q: ListQuery) {
  const path = await requireUnitAccess(db, auth, "unit.read", q.unit);
  const a = auth as Auth;
  const today = todayInVietnam();
  const cal = q.due === "soon" ? await loadWorkingCalendar(db) : null;
  const rows = await repo.listLetters(
    db,
    {
      unitCode: q.unit,
      provinceCode: path[0] ?? null,
      kind: q.kind ?? null,
      status: q.state ?? null,
      dueBy: cal ? cal.addWorkingDays(today, 5) : null,
      overdueOn: q.due === "overdue" ? today : null,
    },
    scopeGrants(a, "unit.read"),
    500,
  );
  return { items: rows.map(listedDto) };
}

/**
 * How many letters a unit and the units below hold (the whole country, without a unit, for a nationwide
 * reader), by kind and state, and how many open ones are overdue.
 */
export async function countLetters(db: Db, auth: Auth | null, unit: string | undefined) {
  let path: string[] = [];
  if (unit === undefined) {
    if (scopeGrants(requirePermission(auth, "unit.read"), "unit.read") !== null)
      throw errors.badRequest("Chọn đơn vị", "Choose a unit", { field: "unit" });
  } else path = await requireUnitAccess(db, auth, "unit.read", unit);
  const today = todayInVietnam();
  // a province or the country from the tally; a unit below from its letters
  const rows =
    unit === undefined || path.length === 1
      ? await repo.tallyLetters(db, path[0] ?? null, today)
      : await repo.countLetters(db, unit, path[0] as string, today);
  return {
    items: rows.map((r) => ({
      kind: r.kind as LetterKind,
      status: r.status,
      count: Number(r.n),
      overdue: Number(r.overdue),
    })),
  };
}

export interface Classification {
  version: number;
  kind?: LetterKind;
  subject?: string;
  content?: string;
  field?: LetterField;
  eligible?: boolean | null;
  competent?: boolean | null;
  flags?: LetterFlag[];
  crowdSize?: number | null;
  complexity?: Complexity;
  remote?: boolean;
}

/** Classifies a letter still being handled (kind, eligibility, competence, field, flags, complexity). */
export async function classify(db: Db, auth: Auth | null, id: number, input: Classification) {
  const { l, a } = await readableLetter(db, auth, id, "letter.handle");
  if (!OPEN_STATUSES.includes(l.status))
    throw errors.conflict("Đơn đã xử lý xong: không phân loại lại", "The letter is closed", {
      status: l.status,
      currentVersion: l.version,
    });
  if (input.kind !== undefined && input.kind !== l.kind && l.status !== "received")
    throw errors.conflict("Đơn đã thụ lý: không đổi loại đơn", "The letter is accepted: its kind stays", {
      field: "kind",
      currentVersion: l.version,
    });
  if (input.kind === "denunciation" && l.kind !== "denunciation" && l.sender_name)
    throw errors.badRequest(
      "Đơn có họ tên người viết lưu công khai: nhập lại thành đơn tố cáo để bảo vệ người tố cáo",
      "The writer's name is kept in clear: register it again as a denunciation so the denouncer is protected",
      { field: "kind" },
    );
  const subject = input.subject?.trim() ?? l.subject;
  const content = input.content?.trim() ?? l.content;
  const set = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.subject !== undefined ? { subject } : {}),
    ...(input.content !== undefined ? { content } : {}),
    ...(input.subject !== undefined || input.content !== undefined
      ? { content_key: contentKeyOf(subject, content) }
      : {}),
    ...(input.field !== undefined ? { field: input.field } : {}),
    ...(input.eligible !== undefined ? { eligible: input.eligible } : {}),
    ...(input.competent !== undefined ? { competent: input.competent } : {}),
    ...(input.flags !== undefined ? { flags: [...new Set(input.flags)] } : {}),
    ...(input.crowdSize !== undefined ? { crowd_size: input.crowdSize } : {}),
    ...(input.complexity !== undefined ? { complexity: input.complexity } : {}),
    ...(input.remote !== undefined ? { remote: input.remote } : {}),
  };
  const [events, cal, rules] = await Promise.all([
    repo.eventsOf(db, id),
    loadWorkingCalendar(db),
    storedClockRules(db),
  ]);
  const legal_due = legalDueOf({ ...l, ...set }, events, cal, rules);
  return db.transaction().execute(async (trx) => {
    const saved = await repo.updateLetterVersioned(trx, id, input.version, { ...set, legal_due });
    if (!saved) throw errors.stale(l.version);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "letter.classify",
      entity: "letter",
      entityId: String(id),
      unitCode: l.unit_code,
      scope: l.unit_path,
      before: { ...listedDto(l), eligible: l.eligible, competent: l.competent, complexity: l.complexity },
      after: {
        ...listedDto(saved),
        eligible: saved.eligible,
        competent: saved.competent,
        complexity: saved.complexity,
      },
    });
    return saved;
  });
}

/**
 * What a unit's letters say for a report of [from, to]: received and resolved, by kind, under the unit (no
 * access check: the caller reads it for a report it may read).
 */
export async function letterCounts(db: Db, unitCode: string, provinceCode: string, from: string, to: string) {
  const rows = await countForPeriod(db, { unit: unitCode, province: provinceCode, from, to });
  return rows.map((r) => ({
    kind: r.kind as LetterKind,
    received: Number(r.received),
    resolved: Number(r.resolved),
    resolvedOnTime: Number(r.resolved_on_time),
  }));
}
