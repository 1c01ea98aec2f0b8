import { describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE_FOR_TESTS } from "./indicators.test-data.ts";
import { parsePeriod } from "./periods.ts";
import {
  BUILT_IN_FORMS,
  checkForm,
  comboKey,
  comboOption,
  type FormDefinition,
  formCombos,
  formIndicators,
} from "./report-forms.ts";
import {
  deadlinesBefore,
  proposeDeadlines,
  reminderKind,
  reportingChain,
  shiftLevelDeadlines,
} from "./reporting-regime.ts";
import {
  needsLateReason,
  nextStatus,
  type SubmissionAction,
  type SubmissionStatus,
  timeliness,
} from "./submission-workflow.ts";
import { WorkingCalendar } from "./working-days.ts";

describe("built-in forms", () => {
  it.each(BUILT_IN_FORMS.map((f) => [f.code, f] as const))("%s is well formed", (_code, f) => {
    expect(checkForm(f, INDICATOR_CATALOGUE_FOR_TESTS)).toEqual([]);
    expect(formIndicators(f).length).toBeGreaterThan(3);
  });
  it("the Tháp Mười outline runs I … V like the reference report", () => {
    const f = BUILT_IN_FORMS.find((x) => x.code === "dvcq-thap-muoi") as FormDefinition;
    expect(f.sections.filter((s) => s.depth === 1).map((s) => s.key)).toEqual(["I", "II", "III", "IV", "V"]);
    expect(f.sections.filter((s) => s.key.startsWith("IV.")).map((s) => s.titleVi)).toEqual([
      "Ưu điểm",
      "Hạn chế",
      "Đề xuất, kiến nghị",
    ]);
  });
});

describe("checkForm finds structural problems", () => {
  const base = BUILT_IN_FORMS[1] as FormDefinition;
  it.each<[string, (f: FormDefinition) => FormDefinition, string]>([
    [
      "duplicate key",
      (f) => ({ ...f, sections: [...f.sections, { ...(f.sections[1] as FormDefinition["sections"][0]) }] }),
      "sections.11",
    ],
    [
      "unknown indicator",
      (f) => ({
        ...f,
        sections: [
          {
            key: "X",
            depth: 1,
            titleVi: "X",
            titleEn: "X",
            kind: "table",
            rows: [{ indicator: "NOPE_CODE" }],
          },
        ],
        rules: [],
      }),
      "sections.0.rows.0",
    ],
    [
      "unknown category",
      (f) => ({
        ...f,
        sections: [
          {
            key: "X",
            depth: 1,
            titleVi: "X",
            titleEn: "X",
            kind: "table",
            rows: [{ indicator: "DVK_MODELS_NEW", by: "colour" }],
          },
        ],
        rules: [],
      }),
      "sections.0.rows.0",
    ],
    [
      "empty table",
      (f) => ({
        ...f,
        sections: [{ key: "X", depth: 1, titleVi: "X", titleEn: "X", kind: "table", rows: [] }],
        rules: [],
      }),
      "sections.0",
    ],
    [
      "rows on narrative",
      (f) => ({
        ...f,
        sections: [
          {
            key: "X",
            depth: 1,
            titleVi: "X",
            titleEn: "X",
            kind: "narrative",
            rows: [{ indicator: "DVK_MODELS_NEW" }],
          },
        ],
        rules: [],
      }),
      "sections.0",
    ],
    [
      "rule off the form",
      (f) => ({
        ...f,
        rules: [{ ...(f.rules[0] as FormDefinition["rules"][0]), right: "LETTERS_RECEIVED" }],
      }),
      "rules.0.right",
    ],
    [
      "weighted average without its weight",
      (f) => ({
        ...f,
        sections: [
          {
            key: "X",
            depth: 1,
            titleVi: "X",
            titleEn: "X",
            kind: "table",
            rows: [{ indicator: "ONLINE_DOSSIER_SHARE" }],
          },
        ],
        rules: [],
      }),
      "sections",
    ],
    [
      "rule does not parse",
      (f) => ({ ...f, rules: [{ ...(f.rules[0] as FormDefinition["rules"][0]), left: "A +" }] }),
      "rules.0.left",
    ],
  ])("%s", (_name, change, path) => {
    const problems = checkForm(change(base), INDICATOR_CATALOGUE_FOR_TESTS);
    expect(problems.map((p) => p.path)).toContain(path);
    for (const p of problems) expect(p.messageVi.length).toBeGreaterThan(0);
  });
  it("combo keys", () => {
    expect(comboKey()).toBe("");
    expect(comboKey("field", "kinh tế")).toBe("field=kinh tế");
  });
  it("combo options and each indicator's combos on a form, rows of the same indicator merged", () => {
    expect(comboOption("field=kinh tế")).toBe("kinh tế");
    expect(comboOption("")).toBe("");
    const cats: Record<string, Record<string, string[]>> = { A: { field: ["x", "y"] }, B: {} };
    const f = {
      sections: [
        {
          key: "T",
          depth: 1 as const,
          titleVi: "T",
          titleEn: "T",
          kind: "table" as const,
          rows: [{ indicator: "B" }, { indicator: "A" }],
        },
        {
          key: "U",
          depth: 1 as const,
          titleVi: "U",
          titleEn: "U",
          kind: "table" as const,
          rows: [{ indicator: "A", by: "field" }, { indicator: "Z" }],
        },
      ],
    };
    expect([...formCombos(f, (c) => cats[c])]).toEqual([
      ["B", [""]],
      ["A", ["", "field=x", "field=y"]],
    ]);
  });
});

describe("submission workflow", () => {
  it.each<[SubmissionStatus, SubmissionAction, SubmissionStatus | null]>([
    ["not_started", "save", "draft"],
    ["not_started", "submit", "submitted"],
    ["draft", "submit", "submitted"],
    ["returned", "save", "draft"],
    ["returned", "submit", "submitted"],
    ["submitted", "save", null],
    ["submitted", "accept", "accepted"],
    ["submitted", "return", "returned"],
    ["draft", "accept", null],
    ["accepted", "save", null],
    ["accepted", "return", null],
    ["accepted", "unlock", "returned"],
    ["submitted", "unlock", null],
  ])("%s --%s--> %s", (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });
  it.each([
    ["2026-06-16", "2026-06-16", "2026-06-20", "on_time"],
    ["2026-06-16", "2026-06-17", "2026-06-20", "late"],
    ["2026-06-16", null, "2026-06-16", "pending"],
    ["2026-06-16", null, "2026-06-17", "missing"],
  ] as const)("deadline %s, submitted %s, today %s → %s", (deadline, on, today, expected) => {
    expect(timeliness(deadline, on, today)).toBe(expected);
  });
  it("a reason is needed after the deadline day, not on it", () => {
    expect(needsLateReason("2026-06-16", "2026-06-16")).toBe(false);
    expect(needsLateReason("2026-06-16", "2026-06-17")).toBe(true);
  });
});

describe("proposed deadlines (NĐ 09/2019 Art. 8(5); defaults 2 working days per level)", () => {
  const cal = new WorkingCalendar();
  it.each([
    // 2026S1: cut-off Sun 14/06 → Tue 16/06 (commune) → Thu 18/06 (province); two tiers
    [
      "2026S1",
      "commune",
      [
        ["commune", "2026-06-16"],
        ["province", "2026-06-18"],
      ],
    ],
    // 2024S1: cut-off Fri 14/06, three tiers before 01/07/2025
    [
      "2024S1",
      "commune",
      [
        ["commune", "2024-06-18"],
        ["district", "2024-06-20"],
        ["province", "2024-06-24"],
      ],
    ],
    // 2025: cut-off Sun 14/12/2025, two tiers
    [
      "2025",
      "commune",
      [
        ["commune", "2025-12-16"],
        ["province", "2025-12-18"],
      ],
    ],
    // hamlets report on the commune's clock
    [
      "2026Q1",
      "hamlet",
      [
        ["commune", "2026-03-17"],
        ["province", "2026-03-19"],
      ],
    ],
    ["2026", "province", [["province", "2026-12-16"]]],
  ] as const)("%s from %s", (code, level, expected) => {
    expect(proposeDeadlines(parsePeriod(code), level, cal).map((d) => [d.level, d.deadline])).toEqual(
      expected,
    );
  });
  it.each([
    // the commune's deadline set to 21/12/2026: the province keeps its 2 working days after it
    [
      "2026Q1",
      "commune",
      "2026-12-21",
      [
        ["commune", "2026-12-21"],
        ["province", "2026-12-23"],
      ],
    ],
    // across a weekend: Friday, then Tuesday
    [
      "2026Q1",
      "commune",
      "2026-03-20",
      [
        ["commune", "2026-03-20"],
        ["province", "2026-03-24"],
      ],
    ],
    ["2026", "province", "2026-12-30", [["province", "2026-12-30"]]],
  ] as const)("%s from %s with its first deadline set to %s", (code, level, first, expected) => {
    const proposed = proposeDeadlines(parsePeriod(code), level, cal);
    expect(shiftLevelDeadlines(proposed, first, cal).map((d) => [d.level, d.deadline])).toEqual(expected);
  });
  it.each([
    // the province owes the centre by Thu 25/06/2026: its communes answer 2 working days before
    [
      "2026S1",
      "commune",
      [["province", "2026-06-25"]],
      undefined,
      [
        ["commune", "2026-06-23"],
        ["province", "2026-06-25"],
      ],
    ],
    // a district asks bodies of its own level by Fri 28/06/2024: it keeps its 2 working days; the province's
    // deadline above stays the upper request's
    [
      "2024S1",
      "district",
      [
        ["district", "2024-06-28"],
        ["province", "2024-07-03"],
      ],
      undefined,
      [
        ["district", "2024-06-26"],
        ["province", "2024-07-03"],
      ],
    ],
    // before the reform a province asking communes: each level below keeps its steps
    [
      "2024S1",
      "commune",
      [["province", "2024-06-28"]],
      undefined,
      [
        ["commune", "2024-06-24"],
        ["district", "2024-06-26"],
        ["province", "2024-06-28"],
      ],
    ],
    // too tight to keep the steps: the communes answer the first working day after the cut-off
    [
      "2026S1",
      "commune",
      [["province", "2026-06-16"]],
      undefined,
      [
        ["commune", "2026-06-15"],
        ["province", "2026-06-16"],
      ],
    ],
    // the requester sets the communes' deadline itself
    [
      "2026S1",
      "commune",
      [["province", "2026-06-25"]],
      "2026-06-19",
      [
        ["commune", "2026-06-19"],
        ["province", "2026-06-25"],
      ],
    ],
    // nothing fits between the cut-off and the owed deadline
    ["2026S1", "commune", [["province", "2026-06-15"]], undefined, null],
    // a deadline set on or after the owed one does not fit either
    ["2026S1", "commune", [["province", "2026-06-25"]], "2026-06-25", null],
  ] as const)("%s from %s answering %j (first %s)", (code, level, owed, first, expected) => {
    const period = parsePeriod(code);
    const [head, ...rest] = owed.map(([l, d]) => ({ level: l, deadline: d }));
    const got = deadlinesBefore(
      proposeDeadlines(period, level, cal),
      [head as { level: string; deadline: string }, ...rest],
      period.cutoffTo,
      cal,
      first,
    );
    expect(got?.map((d) => [d.level, d.deadline]) ?? null).toEqual(expected);
  });
  it("step days can be overridden per request", () => {
    expect(proposeDeadlines(parsePeriod("2026S1"), "commune", cal, { commune: 5 })[0]?.deadline).toBe(
      "2026-06-19",
    );
  });
  it("the chain", () => {
    expect(reportingChain("commune", "2025-06-30")).toEqual(["commune", "district", "province"]);
    expect(reportingChain("commune", "2025-12-31")).toEqual(["commune", "province"]);
  });
});

describe("reminders: working days left before the deadline", () => {
  const cal = new WorkingCalendar();
  it.each([
    // deadline Tue 16/06/2026, remind 2 working days ahead
    ["2026-06-16", "2026-06-11", 2, null], // Thu: Fri, Mon, Tue = 3 left
    ["2026-06-16", "2026-06-12", 2, "due_soon"], // Fri: Mon, Tue = 2 left
    ["2026-06-16", "2026-06-13", 2, "due_soon"], // Sat
    ["2026-06-16", "2026-06-16", 2, "due_soon"], // the deadline day itself
    ["2026-06-16", "2026-06-17", 2, "overdue"],
    ["2026-06-16", "2026-06-15", 0, null], // no advance reminder
    // Tết 2026 (14–22/02) is not counted: deadline Tue 24/02, on Fri 13/02 only Mon 23 and Tue 24 are left
    ["2026-02-24", "2026-02-13", 2, "due_soon"],
  ] as const)("deadline %s, today %s, %i days → %s", (deadline, today, days, expected) => {
    expect(reminderKind(deadline, today, days, cal)).toBe(expected);
  });
});
