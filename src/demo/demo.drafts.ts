/**
 * Demo drafted documents: the province People's Committee's Kế hoạch for 2027 with its tasks to two communes,
 * written and signed, not yet issued (for the official to preview, number and track), and a công văn to the
 * communes waiting for its addressees. Written through the drafts service, so each is audited like any draft.
 * Runs once: nothing is added when the province already has drafts.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import { listBodies } from "../features/bodies/bodies.service.ts";
import { createDraft, listDrafts, updateDraft } from "../features/drafts/drafts.service.ts";

export async function seedDemoDrafts(db: Kysely<Database>, admin: Auth): Promise<number> {
  if ((await listDrafts(db, admin, "82")).items.length > 0) return 0;
  const ubnd = (await listBodies(db, admin, "82")).items.find((b) => b.kind === "people_committee");
  if (!ubnd) return 0;
  const plan = await createDraft(db, admin, {
    bodyId: ubnd.id,
    kind: "KH",
    excerpt: "Thực hiện công tác dân vận chính quyền năm 2027",
  });
  await updateDraft(db, admin, plan.id, {
    version: plan.version,
    sections: [
      {
        title: "I. MỤC ĐÍCH, YÊU CẦU",
        level: 1,
        text: "Nâng cao chất lượng công tác dân vận của cơ quan nhà nước, cán bộ, công chức, viên chức[^1]; gắn với thực hiện quy chế dân chủ ở cơ sở.\n\n[^1]: Theo Kết luận số 43-KL/TW ngày 07/01/2019 của Ban Bí thư.",
      },
      {
        title: "II. NỘI DUNG, NHIỆM VỤ",
        level: 1,
        text: "- Chủ tịch UBND các xã, phường tiếp công dân định kỳ 1 ngày/tuần;\n- Tổ chức đối thoại với Nhân dân ít nhất 2 lần/năm;\n- Đăng ký, duy trì mô hình “Dân vận khéo” trên từng lĩnh vực.",
      },
      {
        title: "III. TỔ CHỨC THỰC HIỆN",
        level: 1,
        text: "Văn phòng UBND tỉnh theo dõi, tổng hợp, báo cáo kết quả thực hiện 6 tháng và cả năm.",
      },
    ],
    tasks: [
      { title: "Tổ chức đối thoại với Nhân dân", assigneeUnitCode: "30037", dueOn: "2027-06-30" },
      { title: "Đăng ký mô hình “Dân vận khéo” năm 2027", assigneeUnitCode: "28261", dueOn: "2027-03-31" },
    ],
    recipients: ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "UBND các xã, phường", "Lưu: VT, NC"],
    signature: { authority: ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"], signer: "Nguyễn Văn A" },
  });
  const letter = await createDraft(db, admin, {
    bodyId: ubnd.id,
    kind: "CV",
    excerpt: "V/v báo cáo kết quả công tác dân vận chính quyền năm 2026",
  });
  await updateDraft(db, admin, letter.id, {
    version: letter.version,
    draftingUnit: "VP",
    addressees: ["Ủy ban nhân dân các xã, phường"],
  });
  return 2;
}
