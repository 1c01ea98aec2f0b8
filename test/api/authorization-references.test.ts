/**
 * The authorization matrix for references: a request that is allowed on its own target (the user's province,
 * 82) but cites another province's object (19) by id or code is refused, and in the same words as a request
 * citing an object that does not exist, so the answer tells neither that the object exists nor who holds it.
 * Every route whose schema carries a reference has a case here (checked against the OpenAPI document).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createUserFromCli } from "../../src/features/users/users.service.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

interface Objects {
  doc: number;
  youthBody: number;
  committee: number;
  number: number;
  model: number;
  task: number;
  plan: number;
  /** a report the other province owes */
  submission: number;
  commune: string;
}
interface ReferenceCase {
  /** route and the field (or query parameter) holding the reference */
  name: string;
  actor: "editor" | "unit_admin";
  run(c: TestClient, ref: Objects): Promise<Response>;
}

/** Objects that do not exist, one distinct id per kind (so the two refusals can be lined up). */
const MISSING: Objects = {
  doc: 2_000_000_001,
  youthBody: 2_000_000_002,
  committee: 2_000_000_003,
  number: 2_000_000_004,
  model: 2_000_000_005,
  task: 2_000_000_006,
  plan: 2_000_000_007,
  submission: 2_000_000_008,
  commune: "99998",
};
let t: Awaited<ReturnType<typeof createTestApp>>;
let sysAdmin: TestClient;
const actors = {} as Record<ReferenceCase["actor"], TestClient>;
const out = {} as Objects;
/** Objects of province 82 the cases write on. */
const own = {
  request: 0,
  plan: 0,
  task: 0,
  committee: 0,
  board: 0,
  formId: 0,
  commune: "30037",
  /** the province People's Committee's report to its Ban Tuyên giáo và Dân vận */
  answer: 0,
};
let n = 0;
const uniq = () => `${Date.now() % 100000}${n++}`;

const modelInput = (unit: string) => ({
  unitCode: unit,
  year: 2025,
  name: `Mô hình ${uniq()} giúp nhau ${uniq()}`,
  fieldCode: "economy",
  kind: "collective",
  details: {},
  startedOn: "2025-01-01",
});

/** A province chair's monthly reception schedule for `bodyId`. */
const scheduleInput = (bodyId: number) => ({
  bodyId,
  receiverName: "Chủ tịch UBND tỉnh",
  receiverRole: "province_chair",
  recurrences: [{ kind: "monthly_day", day: 15 }],
  validFrom: "2026-01-01",
});
/** A reception session the chair held for `bodyId`. */
const sessionInput = (bodyId: number) => ({
  bodyId,
  heldOn: "2026-01-15",
  receiverName: "Chủ tịch UBND tỉnh",
  receiverRole: "province_chair",
  inPerson: true,
  citizens: 2,
  groups: 0,
});

/** A dialogue the People's Committee `bodyId` held, with one commitment due. */
const dialogueInput = (bodyId: number) => ({
  bodyId,
  heldOn: "2026-03-12",
  kind: "dialogue",
  chairedBy: "Chủ tịch UBND tỉnh",
  participants: 100,
  commitments: [{ content: "Trả lời kiến nghị của cử tri", dueOn: "2026-12-31" }],
});

/** A model of the commune brought by the system admin to the step before its commendation. */
async function exemplaryModel(): Promise<number> {
  const m = await sysAdmin.json("POST", "/api/models", modelInput(own.commune));
  const step = (body: object) => sysAdmin.json("POST", `/api/models/${m.body.id}/years/2025/steps`, body);
  await step({ to: "implementing", version: 1 });
  // the example criteria of a collective model (C1–C5), all met
  await step({ to: "assessed", version: 2, answers: { C1: true, C2: true, C3: true, C4: true, C5: true } });
  await step({ to: "recognised", version: 3 });
  await step({ to: "exemplary", version: 4 });
  return m.body.id;
}

const CASES: ReferenceCase[] = [
  {
    name: "POST /api/units/{code}/bodies parentBodyId",
    actor: "unit_admin",
    run: (c, r) =>
      c.request("POST", "/api/units/82/bodies", {
        kind: "youth_union",
        name: `Đoàn ${uniq()}`,
        parentBodyId: r.youthBody,
      }),
  },
  {
    name: "POST /api/users grants.bodyId",
    actor: "unit_admin",
    run: (c, r) =>
      c.request("POST", "/api/users", {
        username: `r${uniq()}`,
        displayName: "Cán bộ",
        password: "password123",
        grants: [{ role: "viewer", unitCode: "82", bodyId: r.committee }],
      }),
  },
  {
    name: "POST /api/users/{id}/grants bodyId",
    actor: "unit_admin",
    run: async (c, r) => {
      const u = await sysAdmin.json("POST", "/api/users", {
        username: `g${uniq()}`,
        displayName: "Cán bộ",
        password: "password123",
        grants: [{ role: "viewer", unitCode: "82" }],
      });
      return c.request("POST", `/api/users/${u.body.id}/grants`, {
        role: "viewer",
        unitCode: "82",
        bodyId: r.committee,
      });
    },
  },
  ...(["/api/requests", "/api/requests/preview"] as const).map(
    (path): ReferenceCase => ({
      name: `POST ${path} issuerBodyId`,
      actor: "editor",
      run: (c, r) =>
        c.request("POST", path, {
          issuerUnitCode: "82",
          issuerBodyId: r.committee,
          formId: 1,
          period: { start: "2026-01-01", end: "2027-12-31" },
          targetLevel: "commune",
          deadline: "2028-01-10",
        }),
    }),
  ),
  {
    name: "GET /api/requests/{id}/consolidation unit",
    actor: "editor",
    run: (c, r) => c.request("GET", `/api/requests/${own.request}/consolidation?unit=${r.commune}`),
  },
  {
    name: "GET /api/requests/{id}/summary unit",
    actor: "editor",
    run: (c, r) => c.request("GET", `/api/requests/${own.request}/summary?unit=${r.commune}`),
  },
  {
    name: "PUT /api/requests/{id}/summary unit",
    actor: "editor",
    run: (c, r) =>
      c.request("PUT", `/api/requests/${own.request}/summary`, {
        unit: r.commune,
        version: 0,
        narrative: { I: "Tóm tắt" },
      }),
  },
  {
    name: "GET /api/requests/{id}/excel unit",
    actor: "editor",
    run: (c, r) => c.request("GET", `/api/requests/${own.request}/excel?unit=${r.commune}`),
  },
  // a request to bodies by name, and its preview: the bodies asked, and the công văn it cites
  ...["", "/preview"].flatMap((suffix): ReferenceCase[] =>
    (["targetBodyIds", "citedDocumentId"] as const).map((field) => ({
      name: `POST /api/requests${suffix} ${field}`,
      actor: "editor",
      run: (c, r) =>
        c.request("POST", `/api/requests${suffix}`, {
          issuerUnitCode: "82",
          issuerBodyId: own.board,
          formId: own.formId,
          period: { code: "2026Q3" },
          targetBodyIds: [field === "targetBodyIds" ? r.committee : own.committee],
          ...(field === "citedDocumentId" ? { citedDocumentId: r.doc } : {}),
          allowOverlap: true,
        }),
    })),
  ),
  // the plan a request reports on, and the report its issuer owes upward that it gathers for
  ...["", "/preview"].flatMap((suffix): ReferenceCase[] =>
    (["planId", "answersSubmissionId"] as const).map((field) => ({
      name: `POST /api/requests${suffix} ${field}`,
      actor: "editor",
      run: (c, r) =>
        c.request("POST", `/api/requests${suffix}`, {
          issuerUnitCode: "82",
          issuerBodyId: own.board,
          formId: own.formId,
          period: { code: "2026Q3" },
          targetBodyIds: [own.committee],
          [field]: field === "planId" ? r.plan : r.submission,
          allowOverlap: true,
        }),
    })),
  ),
  // one body's answer as its document: the body that issues it, and a number taken before
  ...(["bodyId", "numberId"] as const).map(
    (field): ReferenceCase => ({
      name: `POST /api/submissions/{id}/document ${field}`,
      actor: "editor",
      run: (c, r) =>
        c.request("POST", `/api/submissions/${own.answer}/document`, {
          format: "docx",
          bodyId: field === "bodyId" ? r.committee : own.committee,
          ...(field === "numberId" ? { numberId: r.number, allowEmptySections: true } : {}),
          signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "A" },
        }),
    }),
  ),
  {
    name: "POST /api/requests/{id}/document bodyId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", `/api/requests/${own.request}/document`, {
        format: "docx",
        bodyId: r.committee,
        place: "Tỉnh",
        recipients: ["Lưu: VT"],
        signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "A" },
      }),
  },
  {
    name: "POST /api/requests/{id}/document numberId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", `/api/requests/${own.request}/document`, {
        format: "docx",
        bodyId: own.committee,
        numberId: r.number,
        allowEmptySections: true,
        place: "Tỉnh",
        recipients: ["Lưu: VT"],
        signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "A" },
      }),
  },
  {
    name: "POST /api/registry/{id}/relations toId",
    actor: "editor",
    run: async (c, r) => {
      const d = await sysAdmin.json("POST", "/api/registry", registryInput("82"));
      return c.request("POST", `/api/registry/${d.body.id}/relations`, { toId: r.doc, kind: "implements" });
    },
  },
  {
    name: "POST /api/drafts bodyId",
    actor: "editor",
    run: (c, r) => c.request("POST", "/api/drafts", { bodyId: r.committee, kind: "KH" }),
  },
  {
    name: "POST /api/plans registryDocumentId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", "/api/plans", { unitCode: "82", title: "Kế hoạch", registryDocumentId: r.doc }),
  },
  {
    name: "POST /api/plans/{id}/tasks parentId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", `/api/plans/${own.plan}/tasks`, {
        title: "Nhiệm vụ con",
        assigneeUnitCode: "82",
        dueOn: "2099-01-01",
        parentId: r.task,
      }),
  },
  {
    name: "POST /api/plans/{id}/tasks assigneeUnitCode",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", `/api/plans/${own.plan}/tasks`, {
        title: "Nhiệm vụ",
        assigneeUnitCode: r.commune,
        dueOn: "2099-01-01",
      }),
  },
  {
    name: "POST /api/tasks/{id}/milestones evidenceDocumentId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", `/api/tasks/${own.task}/milestones`, {
        title: "Mốc",
        dueOn: "2099-01-01",
        evidenceDocumentId: r.doc,
      }),
  },
  {
    name: "PATCH /api/milestones/{id} evidenceDocumentId",
    actor: "editor",
    run: async (c, r) => {
      const made = await sysAdmin.json("POST", `/api/tasks/${own.task}/milestones`, {
        title: "Mốc",
        dueOn: "2099-01-01",
      });
      const m = made.body.tasks.find((t: { id: number }) => t.id === own.task).milestones.at(-1);
      return c.request("PATCH", `/api/milestones/${m.id}`, { version: m.version, evidenceDocumentId: r.doc });
    },
  },
  {
    name: "POST /api/models bodyId",
    actor: "editor",
    run: (c, r) => c.request("POST", "/api/models", { ...modelInput(own.commune), bodyId: r.committee }),
  },
  {
    name: "POST /api/letters bodyId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", "/api/letters", {
        bodyId: r.committee,
        kind: "petition",
        channel: "post",
        receivedOn: "2026-03-02",
        subject: "Phản ánh về đường giao thông",
      }),
  },
  {
    name: "POST /api/letters/{id}/steps decisionNumberId",
    actor: "editor",
    run: async (c, r) => {
      const l = await sysAdmin.json("POST", "/api/letters", {
        bodyId: own.committee,
        kind: "petition",
        channel: "post",
        receivedOn: "2026-03-02",
        subject: `Phản ánh ${uniq()}`,
      });
      const id = l.body.letter.id;
      await sysAdmin.json("PATCH", `/api/letters/${id}`, { version: 1, eligible: true, competent: true });
      await sysAdmin.json("POST", `/api/letters/${id}/steps`, {
        version: 2,
        action: "accept",
        on: "2026-03-03",
      });
      return c.request("POST", `/api/letters/${id}/steps`, {
        version: 3,
        action: "resolve",
        on: "2026-03-04",
        outcome: "justified",
        decisionNumberId: r.number,
      });
    },
  },
  {
    name: "POST /api/reception/schedules bodyId",
    actor: "editor",
    run: (c, r) => c.request("POST", "/api/reception/schedules", scheduleInput(r.committee)),
  },
  {
    name: "POST /api/reception/sessions bodyId",
    actor: "editor",
    run: (c, r) => c.request("POST", "/api/reception/sessions", sessionInput(r.committee)),
  },
  {
    name: "POST /api/reception/sessions scheduleId",
    actor: "editor",
    run: async (c, r) => {
      // the other province's schedule, made by the system admin (MISSING: none)
      const id =
        r === out
          ? (await sysAdmin.json("POST", "/api/reception/schedules", scheduleInput(r.committee))).body.id
          : 2_000_000_009;
      return c.request("POST", "/api/reception/sessions", { ...sessionInput(own.committee), scheduleId: id });
    },
  },
  {
    name: "POST /api/reception/schedules/notice bodyId",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", "/api/reception/schedules/notice", { bodyId: r.committee, month: "2026-01" }),
  },
  {
    name: "POST /api/reception/dialogues bodyId",
    actor: "editor",
    run: (c, r) => c.request("POST", "/api/reception/dialogues", dialogueInput(r.committee)),
  },
  {
    name: "POST /api/reception/commitments/{id}/task planId",
    actor: "editor",
    run: async (c, r) => {
      // a commitment of the province's own People's Committee, made a task of the other province's plan
      const d = await sysAdmin.json("POST", "/api/reception/dialogues", dialogueInput(own.committee));
      const k = d.body.commitments[0];
      return c.request("POST", `/api/reception/commitments/${k.id}/task`, {
        version: k.version,
        planId: r.plan,
      });
    },
  },
  {
    name: "PATCH /api/models/{id} bodyId",
    actor: "editor",
    run: async (c, r) => {
      const m = await sysAdmin.json("POST", "/api/models", modelInput(own.commune));
      return c.request("PATCH", `/api/models/${m.body.id}`, { version: 1, bodyId: r.committee });
    },
  },
  {
    name: "POST /api/models/carry-over modelIds",
    actor: "editor",
    run: (c, r) =>
      c.request("POST", "/api/models/carry-over", { unitCode: own.commune, year: 2026, modelIds: [r.model] }),
  },
  {
    name: "POST /api/models/{id}/years/{year}/steps decisionNumberId",
    actor: "editor",
    run: async (c, r) => {
      const id = await exemplaryModel();
      return c.request("POST", `/api/models/${id}/years/2025/steps`, {
        to: "commended",
        version: 5,
        decisionNumberId: r.number,
      });
    },
  },
];

const registryInput = (unitCode: string) => ({
  unitCode,
  direction: "incoming",
  numberSymbol: `${uniq()}-NQ/TU`,
  issuerName: "Tỉnh ủy",
  issuedOn: "2026-01-05",
  excerpt: "Nghị quyết về công tác dân vận",
});

beforeAll(async () => {
  t = await createTestApp();
  sysAdmin = await t.login("admin");
  for (const role of ["editor", "unit_admin"] as const) {
    await createUserFromCli(t.db, {
      username: `ref.${role}`,
      displayName: role,
      password: "password123",
      grants: [{ role, unitCode: "82" }],
    });
    actors[role] = await t.login(`ref.${role}`, "password123");
  }
  const bodiesOf = async (unit: string) =>
    (await sysAdmin.json("GET", `/api/units/${unit}/bodies`)).body.items;
  const committeeOf = async (unit: string) =>
    (await bodiesOf(unit)).find((b: { kind: string }) => b.kind === "people_committee").id as number;
  out.committee = await committeeOf("19");
  own.committee = await committeeOf("82");
  own.board = (await bodiesOf("82")).find(
    (b: { kind: string }) => b.kind === "propaganda_mass_mobilization_board",
  ).id as number;
  own.formId = (await sysAdmin.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === "dvcq-thap-muoi",
  ).id;
  out.youthBody = (
    await sysAdmin.json("POST", "/api/units/19/bodies", { kind: "youth_union", name: `Đoàn ${uniq()}` })
  ).body.id;
  out.doc = (await sysAdmin.json("POST", "/api/registry", registryInput("19"))).body.id;
  out.number = (
    await sysAdmin.json("POST", `/api/bodies/${out.committee}/document-numbers`, {
      typeCode: "QĐ",
      title: "Khen thưởng",
    })
  ).body.id;
  out.model = (await sysAdmin.json("POST", "/api/models", modelInput("05860"))).body.id;
  out.commune = "05860";
  const plan19 = await sysAdmin.json("POST", "/api/plans", { unitCode: "19", title: "Kế hoạch" });
  out.plan = plan19.body.id;
  const asked19 = await sysAdmin.json("POST", "/api/requests", {
    issuerUnitCode: "19",
    formId: own.formId,
    period: { start: "2026-01-01", end: "2027-12-31" },
    targetLevel: "commune",
    deadline: "2028-01-10",
  });
  out.submission = (await sysAdmin.json("GET", `/api/requests/${asked19.body.id}`)).body.targets[0].id;
  out.task = (
    await sysAdmin.json("POST", `/api/plans/${plan19.body.id}/tasks`, {
      title: "Nhiệm vụ",
      assigneeUnitCode: "19",
      dueOn: "2099-01-01",
    })
  ).body.tasks[0].id;
  const plan82 = await sysAdmin.json("POST", "/api/plans", { unitCode: "82", title: "Kế hoạch" });
  own.plan = plan82.body.id;
  own.task = (
    await sysAdmin.json("POST", `/api/plans/${own.plan}/tasks`, {
      title: "Nhiệm vụ",
      assigneeUnitCode: "82",
      dueOn: "2099-01-01",
    })
  ).body.tasks[0].id;
  const answered = await sysAdmin.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    issuerBodyId: own.board,
    formId: own.formId,
    period: { code: "2026Q3" },
    targetBodyIds: [own.committee],
    allowOverlap: true,
  });
  own.answer = (await sysAdmin.json("GET", `/api/requests/${answered.body.id}`)).body.targets[0].id;
  own.request = (
    await sysAdmin.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId: (await sysAdmin.json("GET", "/api/forms")).body.items[0].id,
      period: { start: "2026-01-01", end: "2027-12-31" },
      targetLevel: "commune",
      deadline: "2028-01-10",
    })
  ).body.id;
  for (const [k, v] of Object.entries(out)) expect(v, k).toBeTruthy();
});

/** The refusal of a missing object, with each missing id put back as the other province's. */
function asIfCited(text: string): string {
  let shown = text;
  for (const k of Object.keys(MISSING) as (keyof Objects)[])
    shown = shown.replaceAll(String(MISSING[k]), String(out[k]));
  return shown;
}

describe("a reference is a read", () => {
  it("has a case for every reference a request body or query carries", async () => {
    const doc = (await t.anonymous.json("GET", "/api/openapi.json")).body;
    const carried: string[] = [];
    const walk = (s: Record<string, unknown> | undefined, route: string, at: string, depth = 0) => {
      if (!s || depth > 6) return;
      const resolved = (s.$ref ? doc.components.schemas[String(s.$ref).split("/").pop() as string] : s) as {
        properties?: Record<string, Record<string, unknown>>;
        items?: Record<string, unknown>;
      };
      for (const [k, v] of Object.entries(resolved.properties ?? {})) {
        if (/(Id|Ids)$/.test(k)) carried.push(`${route} ${at}${k}`);
        walk(v, route, `${at}${k}.`, depth + 1);
        walk(v.items as Record<string, unknown> | undefined, route, `${at}${k}.`, depth + 1);
      }
    };
    for (const [path, ops] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        const body = (op.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> })
          ?.content?.["application/json"]?.schema;
        walk(body, route, "");
        // a unit named inside a record of the address (a request's consolidation, summary, workbook)
        if (path.includes("{id}")) {
          for (const p of (op.parameters as { name: string; in: string }[] | undefined) ?? []) {
            if (p.in === "query" && p.name === "unit") carried.push(`${route} unit`);
          }
          if (/"unit"/.test(JSON.stringify(body?.properties ? Object.keys(body.properties) : []))) {
            carried.push(`${route} unit`);
          }
        }
      }
    }
    // report forms are one national catalogue, held by no unit
    const covered = new Set([
      ...CASES.map((c) => c.name),
      "POST /api/requests formId",
      "POST /api/requests/preview formId",
      // a letter goes to the competent body wherever it is: every signed-in user reads the directory of bodies
      "POST /api/letters/{id}/steps toBodyId",
      // a citizen sends a petition to any People's Committee in office: the form's public list names them all
      "POST /api/public/letters bodyId",
    ]);
    expect(carried.length).toBeGreaterThan(10);
    expect([...new Set(carried)].filter((c) => !covered.has(c))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.name}: another province's object is refused like one that does not exist`, async () => {
      const actor = actors[c.actor];
      const cited = await c.run(actor, out);
      const missing = await c.run(actor, MISSING);
      const [citedText, missingText] = [await cited.text(), await missing.text()];
      expect(cited.status, citedText).toBeGreaterThanOrEqual(400);
      expect(cited.status, citedText).toBeLessThan(500);
      expect(cited.status).toBe(missing.status);
      expect(citedText).toBe(asIfCited(missingText));
      // the refusal never names the holder
      expect(citedText).not.toMatch(/Thái Nguyên|"19"|: 19\b/);
    });
  }
});
