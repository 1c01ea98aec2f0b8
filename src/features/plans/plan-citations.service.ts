/**
 * A plan as a reference: a request reports on it ("thực hiện Kế hoạch số 53-KH/HU"), named with its
 * document's number when the registry holds it. Cited only by those who may read it.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../../access/access.ts";
import type { Database, PlanRow } from "../../db/database.ts";
import { AppError, errors } from "../../errors.ts";
import { citedDocumentOf } from "../registry/registry.service.ts";
import * as repo from "./plans.repository.ts";
import { readablePlan } from "./plans.service.ts";

type Db = Kysely<Database>;

/** A plan a record reports on (a request: "thực hiện Kế hoạch số 53-KH/HU"), with its document when the
 * registry holds it. */
export interface CitedPlan {
  id: number;
  title: string;
  numberSymbol: string | null;
  issuedOn: string | null;
}

async function citedPlan(db: Db, plan: PlanRow): Promise<CitedPlan> {
  const doc = plan.registry_document_id ? await citedDocumentOf(db, plan.registry_document_id) : null;
  return {
    id: plan.id,
    title: plan.title,
    numberSymbol: doc?.numberSymbol ?? null,
    issuedOn: doc?.issuedOn ?? null,
  };
}

/** The plan `id` as a reference: one the user may read, refused like a missing one otherwise (400 on `field`). */
export async function requireCitablePlan(db: Db, auth: Auth | null, id: number, field: string) {
  try {
    return citedPlan(db, (await readablePlan(db, auth, id)).plan);
  } catch (e) {
    if (e instanceof AppError && e.status === 404)
      throw errors.badRequest(
        "Không tìm thấy kế hoạch này trong các kế hoạch bạn được xem",
        "No such plan among those you may read",
        { field },
      );
    throw e;
  }
}

/** The plan a record cites (checked when it was cited). */
export async function citedPlanOf(db: Db, id: number): Promise<CitedPlan | null> {
  const plan = await repo.findPlan(db, id);
  return plan ? citedPlan(db, plan) : null;
}
