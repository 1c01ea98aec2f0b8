/** The types of the models API the pages share: fields, a model, its lifecycle steps. @module */
import type { AnswerOf, BodyOf } from "@/lib/api.ts";

export type Fields = AnswerOf<"/api/model-fields", "get">;
export type Model = AnswerOf<"/api/models/{id}", "get">;
/** A lifecycle step a model can be moved to. */
export type Step = BodyOf<"/api/models/{id}/years/{year}/steps", "post">["to"];
