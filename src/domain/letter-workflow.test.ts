import { describe, expect, it } from "vitest";
import {
  type ActionCase,
  actionProblem,
  LETTER_ACTIONS,
  LETTER_STATUSES,
  type LetterAction,
  type LetterStatus,
  STATUS_LABELS,
  statusAfter,
  stepDocument,
} from "./letter-workflow.ts";

const ready: ActionCase = {
  kind: "complaint",
  status: "received",
  anonymous: false,
  eligible: true,
  competent: true,
};

describe("a letter's life (TT 05/2021/TT-TTCP; Luật Khiếu nại 2011; Luật Tố cáo 2018)", () => {
  it.each([
    // from, action, to
    ["received", "accept", "accepted"],
    ["received", "file", "filed"],
    ["received", "guide", "guided"],
    ["received", "return", "returned"],
    ["received", "withdraw", "withdrawn"],
    ["accepted", "suspend", "suspended"],
    ["suspended", "resume", "accepted"],
    ["suspended", "withdraw", "withdrawn"],
    ["accepted", "resolve", "resolved"],
  ] as const)("%s, %s: %s", (from, action, to) => {
    expect(actionProblem({ ...ready, status: from }, action)).toBeNull();
    expect(statusAfter(from, action)).toBe(to);
  });

  it("keeps the state on an extension, and lets nothing happen to a closed case", () => {
    expect(statusAfter("accepted", "extend")).toBe("accepted");
    for (const status of ["resolved", "withdrawn", "transferred", "guided", "returned", "filed"] as const)
      for (const action of LETTER_ACTIONS)
        expect(actionProblem({ ...ready, status }, action)?.field, `${status} ${action}`).toBe("action");
  });

  it.each([
    // case, action, the field at fault
    ["an anonymous denunciation", { kind: "denunciation", anonymous: true }, "accept", "anonymous"],
    ["a letter not classified", { eligible: null }, "accept", "eligible"],
    ["a letter not eligible", { eligible: false }, "accept", "eligible"],
    ["a letter outside the body's competence", { competent: false }, "accept", "competent"],
    ["a letter within its competence", { competent: true }, "transfer", "competent"],
    ["a complaint", { status: "accepted" }, "extend", "action"],
    ["a letter not yet accepted", {}, "resolve", "action"],
    ["a case already accepted", { status: "accepted" }, "accept", "action"],
  ] as const)("refuses %s: %s", (_, patch, action, field) => {
    expect(actionProblem({ ...ready, ...patch } as ActionCase, action as LetterAction)?.field).toBe(field);
  });

  it("files an anonymous denunciation (kept, marked, not processed) and extends an accepted one", () => {
    const anonymous: ActionCase = { ...ready, kind: "denunciation", anonymous: true };
    expect(actionProblem(anonymous, "file")).toBeNull();
    expect(actionProblem({ ...ready, kind: "denunciation", status: "accepted" }, "extend")).toBeNull();
  });

  it("names every state in both languages", () => {
    for (const s of LETTER_STATUSES as readonly LetterStatus[]) {
      expect(STATUS_LABELS[s].vi).toBeTruthy();
      expect(STATUS_LABELS[s].en).toBeTruthy();
    }
  });

  it.each([
    ["complaint", "accept", "TB", "Về việc thụ lý đơn"],
    ["complaint", "transfer", "PC", "Chuyển đơn đến cơ quan có thẩm quyền"],
    ["petition", "guide", null, "V/v hướng dẫn người viết đơn"],
    ["denunciation", "extend", "QĐ", "Về việc gia hạn giải quyết tố cáo"],
    ["complaint", "suspend", "QĐ", "Về việc tạm đình chỉ giải quyết khiếu nại"],
    ["complaint", "resolve", "QĐ", "Về việc giải quyết khiếu nại"],
    ["denunciation", "resolve", "KL", "Nội dung tố cáo"],
    ["petition", "resolve", null, "V/v trả lời kiến nghị, phản ánh"],
  ] as const)("a %s's %s is issued as %s: %s", (kind, action, code, title) => {
    expect(stepDocument(kind, action)).toMatchObject({ typeCode: code, title });
  });

  it("issues no document to file a letter or to record its withdrawal", () => {
    expect(stepDocument("complaint", "file")).toBeNull();
    expect(stepDocument("complaint", "withdraw")).toBeNull();
  });
});
