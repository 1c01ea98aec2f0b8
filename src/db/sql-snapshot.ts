/**
 * SQL snapshots: every repository function is called with sample arguments against a recording driver, and
 * the SQL it sends is written to `src/db/queries/<area>.sql`, so a query change shows up in review as a plain
 * SQL diff. `npm run sql:sync` rewrites the files; a test fails when they drift from the code.
 * @module
 */
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";
import * as access from "../access/access.repository.ts";
import { BUILT_IN_FORMS } from "../domain/report-forms.ts";
import * as audit from "../features/audit/audit.repository.ts";
import * as auth from "../features/auth/auth.repository.ts";
import * as bodies from "../features/bodies/bodies.repository.ts";
import * as calendar from "../features/calendar/calendar.repository.ts";
import * as documents from "../features/documents/documents.repository.ts";
import * as evaluations from "../features/evaluations/evaluations.repository.ts";
import * as forms from "../features/forms/forms.repository.ts";
import * as indicators from "../features/indicators/indicators.repository.ts";
import * as models from "../features/models/models.repository.ts";
import * as plans from "../features/plans/plans.repository.ts";
import * as registry from "../features/registry/registry.repository.ts";
import * as reminders from "../features/reporting/reminders.repository.ts";
import * as reporting from "../features/reporting/reporting.repository.ts";
import * as rollup from "../features/reporting/rollup.repository.ts";
import * as units from "../features/units/units.repository.ts";
import * as users from "../features/users/users.repository.ts";
import type { Database } from "./database.ts";

export const QUERIES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "queries");

const recorded: CompiledQuery[] = [];

class RecordingDriver implements Driver {
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return {
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        recorded.push(q);
        // a written row comes back, so functions go on to their next statement
        return { rows: (/\breturning\b/.test(q.sql) ? [{ id: 1, version: 1 }] : []) as R[] };
      },
      // biome-ignore lint/correctness/useYield: never streams
      async *streamQuery() {
        throw new Error("not used");
      },
    };
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new RecordingDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

type Samples = Record<string, unknown[]>;
const unitRow = {
  code: "30037-001",
  name: "1",
  full_name: "Ấp 1",
  type: "ấp",
  level: "hamlet",
  parent_code: "30037",
  province_code: "82",
  ancestors: ["82", "30037"],
  valid_from: "2025-07-01",
  valid_to: null,
  name_key: "1",
  search_text: "ap 1 30037-001",
  source: "user",
};

const SAMPLE_INDICATOR = {
  code: "DVK_MODELS_TOTAL",
  nameVi: "Tổng số mô hình",
  nameEn: "Models, total",
  type: "integer",
  unitOfMeasure: "mô hình",
  aggregation: "sum",
  categories: { kind: ["tập thể", "cá nhân"] },
  description: "",
};

const SAMPLE_FORM = BUILT_IN_FORMS[0];

const SAMPLE_REQUEST = {
  issuer_unit_code: "82",
  issuer_body_id: null,
  issuer_path: ["82"],
  province_code: "82",
  form_id: 1,
  period_code: "2026S1",
  period_type: "half_year",
  previous_period_code: "2025S1",
  period_start: "2026-01-01",
  period_end: "2026-06-30",
  cutoff_from: "2025-12-15",
  cutoff_to: "2026-06-14",
  reference_no: "113-CV/BDVHU",
  title: "Báo cáo 6 tháng đầu năm 2026",
  target_level: "commune",
  target_body_kind: null,
  deadline: "2026-06-16",
  level_deadlines: "[]",
  reminder_days: 2,
  issued_by: 1,
};

/** Sample arguments (after `db`) for every repository function; a function without samples fails the sync. */
const AREAS: Record<string, { module: Record<string, unknown>; samples: Samples }> = {
  access: { module: access, samples: { grantsOfUser: [1], unitPath: ["30037"] } },
  audit: {
    module: audit,
    samples: {
      appendAudit: [
        {
          actorId: 1,
          actorName: "admin",
          action: "hamlet.create",
          entity: "unit",
          entityId: "30037-001",
          unitCode: "30037-001",
          scope: ["82", "30037", "30037-001"],
          before: null,
          after: { name: "1" },
        },
      ],
      listAudit: [{ scope: ["82"], entity: "unit", unitCode: "30037", limit: 50, offset: 0 }],
    },
  },
  auth: {
    module: auth,
    samples: {
      findUserByUsername: ["admin"],
      findUserById: [1],
      createSession: [
        { id: "hash", userId: 1, csrfToken: "csrf", expiresAt: new Date("2026-01-01T00:00:00Z") },
      ],
      findLiveSession: ["hash"],
      deleteSession: ["hash"],
      deleteSessionsOfUser: [1, "hash"],
      setPasswordHash: [1, "scrypt$..."],
      recordFailedLogin: [1, 6, 60],
      clearFailedLogins: [1],
      touchSession: ["hash"],
      deleteIdleSession: ["hash", 120],
    },
  },
  calendar: {
    module: calendar,
    samples: {
      findYear: [2026],
      listDays: [[2026]],
      storedYears: [],
      replaceYear: [
        2026,
        1,
        [{ date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch", status: "official", source: "test" }],
        1,
      ],
    },
  },
  indicators: {
    module: indicators,
    samples: {
      listIndicators: [],
      findIndicator: ["DVK_MODELS_TOTAL"],
      insertMissing: [[SAMPLE_INDICATOR]],
      insertIndicator: [SAMPLE_INDICATOR],
      updateIndicatorVersioned: ["DVK_MODELS_TOTAL", 1, SAMPLE_INDICATOR],
    },
  },
  forms: {
    module: forms,
    samples: {
      listForms: [],
      findForm: [1],
      latestVersion: ["dvcq-thap-muoi"],
      latestFormId: ["dvcq-thap-muoi"],
      installShippedForms: [[SAMPLE_FORM]],
      insertFormVersion: [SAMPLE_FORM, 2, 1],
    },
  },
  documents: {
    module: documents,
    samples: {
      insertMissingTypes: [
        [{ family: "state", code: "BC", nameVi: "Báo cáo", nameEn: "Report", normative: false }],
      ],
      listTypes: [],
      listTerms: [1],
      insertTerm: [{ bodyId: 1, name: "nhiệm kỳ 2025–2030", startsOn: "2025-10-01", endsOn: null }],
      nextNumber: [{ issuerBodyId: 1, series: "*", scope: "year:2026" }],
      insertNumber: [
        {
          issuer_body_id: 1,
          province_code: "82",
          family: "state",
          type_code: "BC",
          series: "*",
          scope: "year:2026",
          number: 12,
          symbol: "12/BC-UBND",
          issued_on: "2026-02-05",
          title: "Báo cáo",
          allocated_by: 1,
        },
      ],
      findNumber: [1],
      listNumbers: [1, 2026, 1000],
      cancelNumber: [1, 1, "Lấy nhầm số"],
    },
  },
  registry: {
    module: registry,
    samples: {
      insertDocument: [
        {
          unit_code: "82",
          province_code: "82",
          direction: "incoming",
          type_code: "KH",
          number_symbol: "53-KH/HU",
          symbol_key: "53-kh/hu",
          issuer_name: "Huyện ủy",
          issued_on: "2022-01-26",
          excerpt: "Kế hoạch",
          body_text: "",
          document_number_id: null,
          created_by: 1,
          searchText: "53 kh hu huyen uy ke hoach",
        },
      ],
      insertNumberedDocument: [
        {
          unit_code: "82",
          province_code: "82",
          direction: "outgoing",
          type_code: "BC",
          number_symbol: "12/BC-UBND",
          symbol_key: "12/bc-ubnd",
          issuer_name: "Ủy ban nhân dân tỉnh Đồng Tháp",
          issued_on: "2026-11-23",
          excerpt: "Báo cáo công tác dân vận năm 2026",
          body_text: "",
          document_number_id: 1,
          created_by: 1,
          searchText: "12 bc ubnd bao cao",
        },
      ],
      findByNumber: [1],
      findBySymbol: ["82", "113-cv/bdvtu", 2],
      findDocument: [1],
      searchDocuments: [{ provinceCode: "82" }, { tsquery: "ke:* & hoach:*", direction: "incoming" }, 50],
      insertRelation: [{ fromId: 1, toId: 2, kind: "implements", provinceCode: "82" }],
      relationsOf: [1],
      insertAttachment: [
        {
          documentId: 1,
          provinceCode: "82",
          filename: "a.pdf",
          contentType: "application/pdf",
          sha256: "00",
          content: Buffer.from("%PDF"),
          createdBy: 1,
        },
      ],
      attachmentsOf: [1],
      findAttachment: [1],
    },
  },
  plans: {
    module: plans,
    samples: {
      insertPlan: [
        { unitCode: "82", provinceCode: "82", title: "Kế hoạch", registryDocumentId: null, createdBy: 1 },
      ],
      findPlan: [1],
      findPlanByToken: ["abcdefghijkl"],
      listPlans: ["82"],
      setPublicToken: [1, "abcdefghijkl"],
      insertTask: [
        {
          plan_id: 1,
          parent_id: null,
          province_code: "82",
          title: "Nhiệm vụ",
          assignee_unit_code: "30037",
          assignee_path: ["82", "30037"],
          due_on: "2026-12-31",
          weight: "1",
        },
      ],
      findTask: [1],
      tasksOf: [[1, 2]],
      updateTaskVersioned: [1, 1, { status: "done", updatedBy: 1 }],
      insertMilestone: [
        {
          task_id: 1,
          province_code: "82",
          title: "Mốc",
          due_on: "2026-06-30",
          done_on: null,
          evidence_document_id: null,
          created_by: 1,
        },
      ],
      milestonesOf: [[1]],
      unitNames: [["82", "30037"]],
      overdueTasks: ["2026-11-23", ["82"], 100],
      remindableTasks: ["2026-08-25", "2026-12-08", 50000],
      logTaskReminder: [
        { taskId: 1, kind: "overdue", recipient: "vanthu@thapmuoi.dongthap.gov.vn", provinceCode: "82" },
      ],
      forgetTaskReminder: [{ taskId: 1, kind: "overdue", recipient: "vanthu@thapmuoi.dongthap.gov.vn" }],
    },
  },
  models: {
    module: models,
    samples: {
      listFields: [],
      insertMissingFields: [[{ code: "economy", nameVi: "Kinh tế", nameEn: "Economy" }]],
      criteriaSets: ["82"],
      upsertCriteria: [
        { provinceCode: "82", kind: "collective", criteria: [], minimumMet: 0, source: "QĐ số 01/QĐ-UBND" },
      ],
      insertMissingCriteria: [[{ kind: "collective", criteria: [], minimumMet: 0, source: "ví dụ" }]],
      insertModel: [
        {
          unit_code: "30037",
          unit_path: ["82", "30037"],
          province_code: "82",
          body_id: null,
          name: "Tổ tự quản đường hoa",
          field_code: "culture_society",
          kind: "collective",
          details: {
            rationale: "",
            goals: "",
            contentMethod: "",
            area: "",
            targetGroup: "",
            forces: { lead: "", coordinating: "", participating: "" },
            resources: "",
            milestones: [],
            expectedOutputs: "",
            sustainability: "",
          },
          started_on: "2025-01-01",
          evaluation_on: null,
          created_by: 1,
        },
      ],
      findModel: [1],
      insertYears: [[{ model_id: 1, year: 2026, province_code: "82", registration: "kept" }]],
      yearsOf: [1],
      findYear: [1, 2026],
      stepsOf: [1],
      insertSteps: [
        [
          {
            model_id: 1,
            year: 2026,
            province_code: "82",
            from_status: "registered",
            to_status: "implementing",
            comment: "",
            decision_symbol: null,
            actor_id: 1,
            actor_name: "xa.thapmuoi",
          },
        ],
      ],
      updateYearVersioned: [1, 2026, 1, { status: "implementing" }],
      namesInUnitYear: ["30037", 2026],
      listModels: [{ unitCode: "82", year: 2026, fieldCode: "economy", status: "recognised" }, 1000],
      carryOverCandidates: ["30037", 2026],
      counts: ["82", 1, 2026],
      provinceHasModels: ["82", 2026],
      insertAttachment: [
        {
          modelId: 1,
          provinceCode: "82",
          filename: "anh.png",
          contentType: "image/png",
          sha256: "00",
          content: Buffer.from([137, 80, 78, 71]),
          createdBy: 1,
        },
      ],
      attachmentsOf: [[1, 2]],
      findAttachment: [1],
      setPublic: [1, 1, { is_public: true, results: "3 km đường hoa" }],
      publicModels: ["82", 200],
    },
  },
  evaluations: {
    module: evaluations,
    samples: {
      insertScheme: [
        {
          province_code: "82",
          year: 2026,
          name: "Đánh giá công tác dân vận chính quyền năm 2026",
          source: "",
          example_key: "bac-kan-2017",
          scheme: { items: [], bands: [], caps: [], scaleTo100: false },
          self_from: "2026-11-01",
          self_until: "2026-11-30",
          created_by: 1,
        },
      ],
      findScheme: [1],
      schemesOf: ["82"],
      insertEvaluations: [
        [{ scheme_id: 1, unit_code: "30037", unit_path: ["82", "30037"], province_code: "82" }],
      ],
      evaluationsOf: [1],
      findEvaluation: [1],
      updateEvaluationVersioned: [
        1,
        1,
        { own_scores: "{}", status: "self_submitted", self_submitted: true, raw: 9000, score: 9000 },
      ],
      publish: [1, [{ id: 1, rank: 1 }]],
      markNotRanked: [[2, 3], "Không gửi kết quả tự chấm"],
      historyOf: ["30037"],
      publishedResultOf: ["30037", 2023],
    },
  },
  reminders: {
    module: reminders,
    samples: {
      owedReports: ["2026-08-24", "2027-01-06", ["30037"], 200],
      recipients: [["30037"], ["editor"]],
      logReminder: [{ submissionId: 1, kind: "due_soon", recipient: "a@b.vn", provinceCode: "82" }],
      forgetReminder: [{ submissionId: 1, kind: "due_soon", recipient: "a@b.vn" }],
    },
  },
  reporting: {
    module: reporting,
    samples: {
      insertRequest: [SAMPLE_REQUEST],
      findRequest: [1],
      requestReaches: [1, "30037"],
      listIssuedRequests: [["82"], 200],
      targetUnits: [["82"], "commune", "2026-06-30"],
      bodiesOfKind: [["30037"], "people_committee", "2026-06-30"],
      insertSubmissions: [
        [
          {
            request_id: 1,
            unit_code: "30037",
            unit_id: 1,
            body_id: null,
            province_code: "82",
            rollup_path: ["82", "30037"],
            owner_codes: ["30037"],
            partial: false,
          },
        ],
      ],
      listSubmissionsOfRequest: [1],
      listInbox: [["30037"], ["not_started", "draft", "returned", "submitted"], 300],
      findSubmission: [1],
      writeSubmissionStep: [
        1,
        1,
        {
          set: { status: "submitted", values: "{}", narrative: "{}", submitted: true, updated_by: 1 },
          event: "submit",
          comment: null,
          actorName: "xa.thapmuoi",
          audit: {
            actorId: 1,
            actorName: "xa.thapmuoi",
            action: "submission.submit",
            entity: "submission",
            entityId: "1",
            unitCode: "30037",
            scope: ["82", "30037"],
            before: { status: "draft", version: 1 },
            after: { status: "submitted", version: 2, comment: null },
          },
        },
      ],
      listRevisions: [1],
      findRevision: [1, 2],
      overlappingRequests: [
        { formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "", unitCodes: ["30037", "30040"] },
      ],
      pendingSubmissionsUnder: [1, "82"],
      narrativesUnder: [1, "82"],
      setSubmissionStates: [
        [
          {
            id: 1,
            status: "accepted",
            values: { DVK_MODELS_TOTAL: { "": "12" } },
            narrative: { I: "Ổn định" },
            late_reason: null,
            comment: null,
            first_submitted_at: "2026-06-15T02:00:00Z",
            submitted_at: "2026-06-15T02:00:00Z",
            accepted_at: "2026-06-17T02:00:00Z",
            actor_id: 1,
            actor_name: "admin",
          },
        ],
      ],
      requestsUnder: ["82", "dvcq-thap-muoi", 24],
      submissionsWithValues: [1],
      findSummary: [1, "82"],
      insertSummary: [
        { requestId: 1, unitCode: "82", provinceCode: "82", narrative: "{}", figureSources: "{}", userId: 1 },
      ],
      updateSummaryVersioned: [
        {
          requestId: 1,
          unitCode: "82",
          provinceCode: "82",
          narrative: "{}",
          figureSources: "{}",
          version: 1,
          userId: 1,
        },
      ],
      provinces: ["2026-11-22"],
      timelinessCells: [[1, 2], ["82", "30037"], "2026-11-22"],
    },
  },
  rollup: {
    module: rollup,
    samples: {
      seriesOfSubmissions: [[1, 2]],
      lockSeries: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "", provinceCode: "82" }],
      markCounted: [[1, 2]],
      countedReaching: [
        [
          {
            form_code: "dvcq-thap-muoi",
            period_code: "2026S1",
            body_kind: "",
            units: ["82", "30037"],
            roots: ["82"],
          },
        ],
      ],
      rebuildSeries: [
        [
          {
            form_code: "dvcq-thap-muoi",
            period_code: "2026S1",
            body_kind: "",
            units: ["82", "30037"],
            roots: ["82"],
          },
        ],
        [[{ id: 1, unitCode: "30037", own: true }]],
      ],
      bumpTotalsRevision: [["82"]],
      totalsRevision: [],
      rollupOf: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "" }, ["82", "30037"]],
      seriesChildren: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "" }, "82"],
      totals: ["dvcq-thap-muoi", ["2025", "2026"], ["82", "19"]],
      countedUnder: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "" }, "82"],
      countedOfTargets: [1],
    },
  },
  bodies: {
    module: bodies,
    samples: {
      listBodies: ["30037", "2026-01-01"],
      findBody: [1],
      insertBody: [
        {
          unit_code: "30037",
          province_code: "82",
          kind: "people_committee",
          name: "Ủy ban nhân dân xã Tháp Mười",
          short_name: "UBND",
          parent_body_id: null,
          valid_from: "2025-07-01",
          valid_to: null,
        },
      ],
      updateBodyVersioned: [1, 1, { name: "Ủy ban nhân dân xã Tháp Mười" }],
    },
  },
  units: {
    module: units,
    samples: {
      listUnits: [
        {
          level: "commune",
          parent: "82",
          words: ["thap", "muoi"],
          within: "82",
          scope: ["82"],
          asOf: "2026-01-01",
          limit: 50,
          offset: 0,
        },
      ],
      unitRevision: [],
      findUnitAt: ["30037", "2026-01-01"],
      findUnitVersions: ["30037"],
      listChildren: ["82", "2026-01-01"],
      linksFrom: [[1, 2]],
      linksTo: [[1, 2]],
      findUnitsByIds: [[1, 2]],
      insertUnits: [[unitRow]],
      insertLinks: [[{ predecessor_id: 1, successor_id: 2, kind: "full", effective_date: "2025-07-01" }]],
      openOfficialUnits: [],
      closeUnits: [[1, 2], "2025-06-30"],
      countUnits: [],
      lockUnit: [1],
      maxHamletSequence: ["30037"],
      findHamletByNameKey: ["30037", "ấp 1", "2026-01-01"],
      insertUnit: [unitRow],
      updateUnitVersioned: [1, 1, { name: "2", full_name: "Ấp 2" }],
    },
  },
  users: {
    module: users,
    samples: {
      listUsers: [["82"]],
      grantsOf: [[1, 2]],
      findUser: [1],
      insertUser: [{ username: "dongthap", displayName: "Đồng Tháp", passwordHash: "scrypt$..." }],
      updateUserVersioned: [1, 1, { display_name: "Đồng Tháp" }],
      insertGrant: [{ userId: 1, role: "editor", unitCode: "82", bodyId: null, createdBy: 1 }],
      findGrant: [1],
      deleteGrant: [1],
    },
  },
};

const KEYWORDS =
  /\s+(from|where|and \(|inner join|left join|group by|order by|limit|offset|returning|values|on conflict|set|for update)\s+/g;

function format(sql: string): string {
  return sql.replace(KEYWORDS, (_m, kw: string) => `\n  ${kw} `);
}

/** The snapshot text of every area, by file name. */
export async function renderSnapshots(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [area, { module, samples }] of Object.entries(AREAS)) {
    const parts = [`-- Generated by \`npm run sql:sync\` from ${area} repository functions. Do not edit.\n`];
    for (const [name, fn] of Object.entries(module).sort(([a], [b]) => a.localeCompare(b))) {
      if (typeof fn !== "function") continue;
      const args = samples[name];
      if (!args) throw new Error(`sql-snapshot: no sample arguments for ${area}.${name}`);
      recorded.length = 0;
      await (fn as (...a: unknown[]) => Promise<unknown>)(db, ...args).catch(() => undefined);
      const sqls = recorded.map((q) => `${format(q.sql)};`);
      parts.push(`-- ${name}(${JSON.stringify(args).slice(1, -1)})\n${sqls.join("\n") || "-- (no SQL)"}\n`);
    }
    out.set(`${area}.sql`, parts.join("\n"));
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await fs.mkdir(QUERIES_DIR, { recursive: true });
  for (const [file, text] of await renderSnapshots()) await fs.writeFile(path.join(QUERIES_DIR, file), text);
  console.log(`SQL snapshots written to ${path.relative(process.cwd(), QUERIES_DIR)}`);
}
