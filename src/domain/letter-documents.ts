/**
 * The text of the document each step of a letter is issued with (TT 05/2021/TT-TTCP forms; NĐ 30/2020 layout):
 * the notice of acceptance, the transfer slip, the guidance, the return, the decisions to extend, suspend or
 * resume, and the resolution (a complaint's decision, a denunciation's conclusion, a petition's answer). A
 * denouncer is never named in it (Luật Tố cáo 2018 Art. 9): "người tố cáo". Starting text in the standard
 * wording; the official's note is its own paragraph. Pure, no I/O.
 * @module
 */
import { dateInWords } from "./document-text.ts";
import type { LetterKind } from "./letter-clock.ts";
import { type LetterAction, OUTCOME_LABELS, type Outcome, stepDocument } from "./letter-workflow.ts";

export interface StepDocumentInput {
  kind: LetterKind;
  action: LetterAction;
  /** the handling body's name, within its unit ("Ủy ban nhân dân xã") */
  body: string;
  code: string;
  receivedOn: string;
  subject: string;
  /** a complainant's or petitioner's name; never a denouncer's */
  writer: string | null;
  /** the step's day */
  on: string;
  note: string;
  /** an extension's days; the resolution's legal days */
  days: number | null;
  /** the legal due day after the step */
  due: string | null;
  outcome: Outcome | null;
  /** a transfer's competent body */
  target: string | null;
}

export interface StepDocumentText {
  typeCode: string | null;
  typeName: string | null;
  excerpt: string;
  grounds: string[];
  sections: { title: string; level: 1 | 2; text: string }[];
  /** "Nơi nhận" before the archive line */
  recipients: string[];
}

const LAW: Record<LetterKind, string> = {
  complaint: "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;",
  denunciation: "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;",
  petition: "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;",
};
const NOUN: Record<LetterKind, string> = {
  complaint: "khiếu nại",
  denunciation: "tố cáo",
  petition: "kiến nghị, phản ánh",
};

/** Who wrote it, as a document may say: "ông (bà) Lê Văn Tám", or "người tố cáo". */
const writerOf = (i: StepDocumentInput) =>
  i.kind === "denunciation" || !i.writer
    ? `người ${i.kind === "denunciation" ? "tố cáo" : "viết đơn"}`
    : `ông (bà) ${i.writer}`;

/** The document of a step, or null for a step issued without one (filing, a withdrawal). */
export function stepDocumentText(i: StepDocumentInput): StepDocumentText | null {
  const doc = stepDocument(i.kind, i.action);
  if (!doc) return null;
  const received = `Ngày ${dateInWords(i.receivedOn).replace(/^ngày /, "")}, ${i.body} nhận được đơn ${NOUN[i.kind]} của ${writerOf(i)} (mã hồ sơ ${i.code}) về việc: ${i.subject.replace(/[.;]\s*$/, "")}.`;
  const note = i.note.trim() ? [i.note.trim()] : [];
  const decision = (articles: string[]) => [
    {
      title: "QUYẾT ĐỊNH:",
      level: 1 as const,
      text: articles.map((a, n) => `**Điều ${n + 1}.** ${a}`).join("\n\n"),
    },
  ];
  const to =
    i.kind === "denunciation" ? "Người tố cáo" : i.writer ? `Ông (bà) ${i.writer}` : "Người viết đơn";
  const base = {
    typeCode: doc.typeCode,
    typeName: doc.typeName,
    excerpt: doc.title,
    grounds: [] as string[],
  };
  const para = (...lines: string[]) => [
    { title: "", level: 1 as const, text: [...lines, ...note].join("\n\n") },
  ];
  switch (i.action) {
    case "accept":
      return {
        ...base,
        sections: para(
          received,
          `Xét thấy đơn đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết, ${i.body} thông báo thụ lý giải quyết ${NOUN[i.kind]} kể từ ngày ${dateInWords(i.on).replace(/^ngày /, "")}${i.days && i.due ? `. Thời hạn giải quyết là ${i.days} ngày, đến ${dateInWords(i.due)}` : ""}.`,
        ),
        recipients: [to],
      };
    case "transfer":
      return {
        ...base,
        sections: para(
          received,
          `Nội dung đơn không thuộc thẩm quyền giải quyết của ${i.body}. ${i.body[0]?.toUpperCase()}${i.body.slice(1)} chuyển đơn đến ${i.target ?? "cơ quan có thẩm quyền"} để xem xét, giải quyết theo quy định của pháp luật.`,
        ),
        recipients: [i.target ?? "Cơ quan có thẩm quyền", to],
      };
    case "guide":
      return {
        ...base,
        sections: para(
          received,
          "Nội dung đơn không thuộc thẩm quyền giải quyết; đề nghị người viết đơn gửi đơn đến cơ quan có thẩm quyền để được xem xét, giải quyết.",
        ),
        recipients: [to],
      };
    case "return":
      return {
        ...base,
        sections: para(received, `${i.body} trả lại đơn và các giấy tờ, tài liệu kèm theo.`),
        recipients: [to],
      };
    case "extend":
      return {
        ...base,
        grounds: [LAW[i.kind]],
        sections: decision([
          `Gia hạn giải quyết tố cáo đối với đơn mã hồ sơ ${i.code} nhận ${dateInWords(i.receivedOn)}: thêm ${i.days ?? 0} ngày${i.due ? `, đến ${dateInWords(i.due)}` : ""}.${note.length ? ` ${note[0]}` : ""}`,
          "Quyết định này có hiệu lực kể từ ngày ký.",
        ]),
        recipients: [to],
      };
    case "suspend":
    case "resume":
      return {
        ...base,
        grounds: [LAW[i.kind]],
        sections: decision([
          `${i.action === "suspend" ? "Tạm đình chỉ" : "Tiếp tục"} việc giải quyết ${NOUN[i.kind]} đối với đơn mã hồ sơ ${i.code} kể từ ${dateInWords(i.on)}.${note.length ? ` ${note[0]}` : ""}`,
          "Quyết định này có hiệu lực kể từ ngày ký.",
        ]),
        recipients: [to],
      };
    case "resolve": {
      const verdict = i.outcome ? OUTCOME_LABELS[i.outcome].vi.toLocaleLowerCase("vi") : "";
      if (i.kind === "complaint")
        return {
          ...base,
          grounds: [LAW.complaint],
          sections: decision([
            `Kết luận nội dung khiếu nại của ${writerOf(i)} (mã hồ sơ ${i.code}) là ${verdict}.${note.length ? ` ${note[0]}` : ""}`,
            "Quyết định này có hiệu lực kể từ ngày ký.",
          ]),
          recipients: [to],
        };
      if (i.kind === "denunciation")
        return {
          ...base,
          sections: [
            { title: "", level: 1, text: received },
            { title: "KẾT LUẬN", level: 1, text: [`Nội dung tố cáo là ${verdict}.`, ...note].join("\n\n") },
          ],
          recipients: [to],
        };
      return { ...base, sections: para(received, `${i.body} trả lời như sau:`), recipients: [to] };
    }
    default:
      return null;
  }
}
