import { describe, expect, it } from "vitest";
import { type StepDocumentInput, stepDocumentText } from "./letter-documents.ts";

const base: StepDocumentInput = {
  kind: "complaint",
  action: "accept",
  body: "Ủy ban nhân dân xã",
  code: "K7M2-Q9TX",
  receivedOn: "2026-03-02",
  subject: "Khiếu nại về bồi thường khi thu hồi đất",
  writer: "Lê Văn Tám",
  on: "2026-03-05",
  note: "",
  days: 30,
  due: "2026-04-04",
  outcome: null,
  target: null,
};
const text = (d: ReturnType<typeof stepDocumentText>) =>
  [...(d?.grounds ?? []), ...(d?.sections ?? []).flatMap((s) => [s.title, s.text])].join("\n");

describe("the document each step of a letter is issued with (TT 05/2021/TT-TTCP; NĐ 30/2020)", () => {
  it.each([
    // case, type code, excerpt, words it holds
    [
      "a complaint accepted",
      {},
      "TB",
      "Về việc thụ lý đơn",
      ["ông (bà) Lê Văn Tám", "Thời hạn giải quyết là 30 ngày, đến ngày 04 tháng 4 năm 2026"],
    ],
    [
      "a letter transferred",
      { action: "transfer", target: "Ủy ban nhân dân tỉnh Đồng Tháp" },
      "PC",
      "Chuyển đơn đến cơ quan có thẩm quyền",
      ["chuyển đơn đến Ủy ban nhân dân tỉnh Đồng Tháp"],
    ],
    [
      "a denunciation extended",
      { kind: "denunciation", action: "extend", writer: null, due: "2026-05-04" },
      "QĐ",
      "Về việc gia hạn giải quyết tố cáo",
      [
        "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;",
        "QUYẾT ĐỊNH:",
        "**Điều 1.** Gia hạn",
        "thêm 30 ngày, đến ngày 04 tháng 5 năm 2026",
      ],
    ],
    [
      "a complaint resolved",
      { action: "resolve", outcome: "partly_justified", note: "Giao phòng chuyên môn thực hiện." },
      "QĐ",
      "Về việc giải quyết khiếu nại",
      [
        "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;",
        "là đúng một phần. Giao phòng chuyên môn thực hiện.",
      ],
    ],
    [
      "a denunciation concluded",
      { kind: "denunciation", action: "resolve", outcome: "justified", writer: null },
      "KL",
      "Nội dung tố cáo",
      ["của người tố cáo", "KẾT LUẬN", "Nội dung tố cáo là đúng."],
    ],
    [
      "a petition answered",
      { kind: "petition", action: "resolve", note: "Đã sửa đèn." },
      null,
      "V/v trả lời kiến nghị, phản ánh",
      ["trả lời như sau:", "Đã sửa đèn."],
    ],
  ] as const)("%s", (_, patch, code, excerpt, words) => {
    const d = stepDocumentText({ ...base, ...(patch as Partial<StepDocumentInput>) });
    expect(d).toMatchObject({ typeCode: code, excerpt });
    for (const w of words) expect(text(d)).toContain(w);
  });

  it("never names a denouncer, even when a name is given by mistake", () => {
    const d = stepDocumentText({ ...base, kind: "denunciation", writer: "Phạm Thị Hạnh" });
    expect(JSON.stringify(d)).not.toContain("Hạnh");
    expect(d?.recipients).toEqual(["Người tố cáo"]);
  });

  it("issues no document to file a letter or record its withdrawal", () => {
    expect(stepDocumentText({ ...base, action: "file" })).toBeNull();
    expect(stepDocumentText({ ...base, action: "withdraw" })).toBeNull();
  });
});
