/**
 * A model's photos and files (checked by their content like registry attachments) and the province's public
 * showcase of models: off by default, a model is shown with its results and photos once its unit
 * or a unit above asks; the showcase and the photos of shown models need no login.
 * @module
 */

import { type Auth, coversPath, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import { errors } from "../../errors.ts";
import { attached } from "../../http/attachment-routes.ts";
import type { Offload } from "../../offload/pool.ts";
import * as repo from "./models.repository.ts";
import { getModel, requireModel } from "./models.service.ts";

/** Attaches a photo or file to a model (its unit's editors): PDF, Word, Excel, PNG or JPEG, checked by content. */
export async function attach(
  db: Db,
  auth: Auth | null,
  id: number,
  filename: string,
  content: Buffer,
  offload: Offload,
) {
  const { a, model } = await requireModel(db, auth, id);
  if (!coversPath(a, "model.register", model.unit_path)) throw errors.forbidden();
  const file = await offload.acceptAttachment(filename, content);
  const row = await db.transaction().execute(async (trx) => {
    const x = await repo.insertAttachment(trx, {
      modelId: id,
      provinceCode: model.province_code,
      filename: file.filename,
      contentType: file.contentType,
      sha256: file.sha256,
      content,
      createdBy: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "model_attachment.create",
      entity: "dvk_model",
      entityId: String(id),
      unitCode: model.unit_code,
      scope: model.unit_path,
      before: null,
      after: { attachmentId: x.id, filename: x.filename, contentType: x.content_type, size: x.size },
    });
    return x;
  });
  return attached(row);
}

export async function readAttachment(db: Db, auth: Auth | null, attachmentId: number) {
  const x = await repo.findAttachment(db, attachmentId);
  if (!x) {
    requirePermission(auth, "unit.read");
    throw errors.notFoundOrForbidden(String(attachmentId));
  }
  await requireModel(db, auth, x.model_id);
  return x;
}

/** Shows a model on the province's public showcase (off by default), or takes it off; the results it shows. */
export async function setPublic(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; public: boolean; results: string },
) {
  const { a, model } = await requireModel(db, auth, id);
  const allowed =
    coversPath(a, "model.register", model.unit_path) ||
    coversPath(a, "model.evaluate", model.unit_path.slice(0, -1));
  if (!allowed) throw errors.forbidden();
  if (input.public && input.results.trim() === "") {
    throw errors.badRequest(
      "Hãy nêu kết quả của mô hình trước khi giới thiệu công khai",
      "Describe the model's results before showing it publicly",
      {
        field: "results",
      },
    );
  }
  const row = await repo.updateModelVersioned(db, id, input.version, {
    is_public: input.public,
    results: input.results.trim(),
  });
  if (!row) throw errors.stale(model.version);
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action: input.public ? "model.show_public" : "model.hide_public",
    entity: "dvk_model",
    entityId: String(id),
    unitCode: model.unit_code,
    scope: model.unit_path,
    before: { public: model.is_public, version: model.version },
    after: { public: row.is_public, version: row.version },
  });
  return getModel(db, auth, id);
}

/** The province's public showcase (no login): name, unit, field, kind, results and photos. */
export async function publicShowcase(db: Db, provinceCode: string) {
  const [models, fields] = await Promise.all([repo.publicModels(db, provinceCode, 200), repo.listFields(db)]);
  const photos = (
    await repo.attachmentsOf(
      db,
      models.map((m) => m.id),
    )
  ).filter((x) => x.content_type.startsWith("image/"));
  const fieldName = new Map(fields.map((f) => [f.code, f.name_vi]));
  return {
    province: provinceCode,
    items: models.map((m) => ({
      id: m.id,
      name: m.name,
      unitName: m.unit_name,
      field: fieldName.get(m.field_code) ?? m.field_code,
      kind: m.kind,
      results: m.results,
      photos: photos.filter((p) => p.model_id === m.id).map((p) => p.id),
    })),
  };
}

/** A photo of a publicly shown model (none else: files and hidden models stay behind the login). */
export async function publicPhoto(db: Db, attachmentId: number) {
  const x = await repo.findAttachment(db, attachmentId);
  const model = x ? await repo.findModel(db, x.model_id) : undefined;
  if (!x || !model?.is_public || !x.content_type.startsWith("image/")) {
    throw errors.notFound("ảnh / photo", String(attachmentId));
  }
  return x;
}
