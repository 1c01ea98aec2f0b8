/** The registry of directives and plans: register, search without accents, relate, attach. */
import { beforeAll, describe, expect, it } from "vitest";
import { pdfFile, pdfTruncated } from "../fixtures/files.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let editor: TestClient;
let commune: TestClient;
let other: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  editor = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
});

const find = async (c: TestClient, q: string, unit = "82") =>
  (await c.json("GET", `/api/registry?unit=${unit}&q=${encodeURIComponent(q)}`)).body.items as {
    id: number;
    numberSymbol: string;
  }[];

describe("the demo chain behind the Tháp Mười report", () => {
  it("is found without accents, by words and by number", async () => {
    expect((await find(editor, "53-KH/HU")).map((d) => d.numberSymbol)).toContain("53-KH/HU");
    expect((await find(editor, "ke hoach thuc hien nghi quyet")).map((d) => d.numberSymbol)).toContain(
      "53-KH/HU",
    );
    expect((await find(editor, "DÂN VẬN đến năm 2025")).map((d) => d.numberSymbol)).toEqual(
      expect.arrayContaining(["01-NQ/TU", "53-KH/HU"]),
    );
    expect(await find(editor, "khong co van ban nao nhu the nay")).toEqual([]);
  });

  it("shows the relations both ways: the report reports on 53-KH/HU at the request of 113-CV/BDVHU", async () => {
    const plan = (await find(editor, "53-KH/HU")).find((d) => d.numberSymbol === "53-KH/HU");
    const d = await editor.json("GET", `/api/registry/${plan?.id}`);
    expect(d.body.relations).toEqual([
      expect.objectContaining({ kind: "implements", numberSymbol: "01-NQ/TU" }),
    ]);
    expect(d.body.relatedBy).toEqual([
      expect.objectContaining({ kind: "reports_on", issuerName: "Ủy ban nhân dân huyện Tháp Mười" }),
    ]);
    const report = d.body.relatedBy[0].id;
    const r = await editor.json("GET", `/api/registry/${report}`);
    expect(
      r.body.relations.map((x: { kind: string; numberSymbol: string }) => `${x.kind} ${x.numberSymbol}`),
    ).toEqual(["reports_on 53-KH/HU", "requested_by 113-CV/BDVHU"]); // by the other documents' dates
  });
});

describe("registering, relating and attaching", () => {
  let id: number;
  it("registers a document, checking its number-symbol", async () => {
    const bad = await editor.json("POST", "/api/registry", {
      unitCode: "82",
      direction: "incoming",
      numberSymbol: "53/KH-",
      issuerName: "Huyện ủy",
      issuedOn: "2026-01-05",
      excerpt: "Kế hoạch",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message_vi).toContain("chữ viết tắt tên cơ quan");
    const ok = await editor.json("POST", "/api/registry", {
      unitCode: "82",
      direction: "outgoing",
      numberSymbol: "Số: 24-KH/BTGDVTU",
      issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp",
      issuedOn: "2026-01-05",
      excerpt: "Kế hoạch triển khai phong trào thi đua “Dân vận khéo” năm 2026",
      bodyText: "Nhân rộng các mô hình Dân vận khéo trong xây dựng nông thôn mới.",
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ numberSymbol: "24-KH/BTGDVTU", typeCode: "KH", direction: "outgoing" });
    id = ok.body.id;
    expect((await find(editor, "nong thon moi")).map((d) => d.id)).toContain(id);
    expect((await find(editor, "24-kh")).map((d) => d.id)).toContain(id);
  });

  it("relates it to the resolution it implements, once", async () => {
    const nq = (await find(editor, "01-NQ/TU")).find((d) => d.numberSymbol === "01-NQ/TU");
    const r = await editor.json("POST", `/api/registry/${id}/relations`, {
      toId: nq?.id,
      kind: "implements",
    });
    expect(r.status).toBe(201);
    expect(r.body.relations).toEqual([
      expect.objectContaining({ numberSymbol: "01-NQ/TU", kind: "implements" }),
    ]);
    expect(
      (await editor.json("POST", `/api/registry/${id}/relations`, { toId: nq?.id, kind: "implements" }))
        .status,
    ).toBe(409);
    expect(
      (await editor.json("POST", `/api/registry/${id}/relations`, { toId: id, kind: "amends" })).status,
    ).toBe(400);
    // the relation is in the audit log, once
    const audit = await (await t.login("admin")).json("GET", `/api/audit?entity=registry_document&limit=100`);
    const related = audit.body.items.filter(
      (x: { action: string; entityId: string }) =>
        x.action === "registry_relation.create" && x.entityId === String(id),
    );
    expect(related).toEqual([
      expect.objectContaining({ after: { kind: "implements", toId: nq?.id, toNumberSymbol: "01-NQ/TU" } }),
    ]);
  });

  it("attaches a PDF, refuses a file whose content is not what its name says, and serves it back", async () => {
    const pdf = new Uint8Array(pdfFile("Kế hoạch 53-KH/HU"));
    const up = await editor.request("POST", `/api/registry/${id}/attachments?filename=ke-hoach.pdf`, pdf, {
      "content-type": "application/octet-stream",
    });
    expect(up.status).toBe(201);
    const att = (await up.json()) as { id: number; size: number; contentType: string };
    expect(att).toMatchObject({ size: pdf.length, contentType: "application/pdf" });
    const fake = await editor.request(
      "POST",
      `/api/registry/${id}/attachments?filename=virus.pdf`,
      new Uint8Array([0x4d, 0x5a, 1, 2]),
      {
        "content-type": "application/octet-stream",
      },
    );
    expect(fake.status).toBe(400);
    // a PDF that starts as one but is cut short is refused too, saying so on the file field
    const cut = await editor.request(
      "POST",
      `/api/registry/${id}/attachments?filename=cat-do.pdf`,
      new Uint8Array(pdfTruncated()),
      { "content-type": "application/octet-stream" },
    );
    const cutBody = (await cut.json()) as { error: { message_vi: string; details: { field: string } } };
    expect(cut.status).toBe(400);
    expect(cutBody.error.message_vi).toMatch(/không phải là tệp \.pdf hợp lệ/);
    expect(cutBody.error.details.field).toBe("file");
    const back = await editor.request("GET", `/api/registry/attachments/${att.id}`);
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("application/pdf");
    expect(back.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(pdf);
    expect((await other.request("GET", `/api/registry/attachments/${att.id}`)).status).toBe(404);
    // the file is in the audit log; the refused ones are not
    const audit = await (await t.login("admin")).json("GET", `/api/audit?entity=registry_document&limit=100`);
    const attached = audit.body.items.filter(
      (x: { action: string }) => x.action === "registry_attachment.create",
    );
    expect(attached).toEqual([
      expect.objectContaining({
        entityId: String(id),
        after: expect.objectContaining({ attachmentId: att.id, filename: "ke-hoach.pdf", size: pdf.length }),
      }),
    ]);
  });

  it("keeps registries to their units", async () => {
    expect((await other.json("GET", "/api/registry?unit=82&q=ke hoach")).status).toBe(404);
    expect((await other.json("GET", `/api/registry/${id}`)).status).toBe(404);
    expect((await commune.json("GET", "/api/registry?unit=82")).status).toBe(404);
    expect((await commune.json("GET", "/api/registry")).status).toBe(400);
    const mine = await commune.json("POST", "/api/registry", {
      unitCode: "30037",
      direction: "incoming",
      numberSymbol: "24-KH/BTGDVTU",
      issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
      issuedOn: "2026-01-06",
      excerpt: "Kế hoạch triển khai phong trào thi đua Dân vận khéo năm 2026",
    });
    expect(mine.status).toBe(201);
    // the province sees its communes' registries when it searches the whole province
    expect((await find(editor, "dan van kheo 2026")).map((d) => d.id)).toContain(mine.body.id);
    expect((await find(commune, "dan van kheo 2026", "30037")).map((d) => d.id)).toEqual([mine.body.id]);
  });
});
