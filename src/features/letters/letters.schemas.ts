/** zod schemas of citizens' letters (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import {
  LETTER_ACTIONS,
  LETTER_FIELDS,
  LETTER_FLAGS,
  LETTER_STATUSES,
  OUTCOMES,
} from "../../domain/letter-workflow.ts";
import {
  BigRowIdSchema,
  IsoDateSchema,
  RowIdSchema,
  UnitCodeSchema,
  VersionSchema,
} from "../../http/schemas.ts";

export const Kind = z.enum(["complaint", "denunciation", "petition"]).openapi({
  description: "complaint khiếu nại, denunciation tố cáo, petition kiến nghị/phản ánh",
});
const Field = z.enum(LETTER_FIELDS);
const Flag = z.enum(LETTER_FLAGS);
const Status = z.enum(LETTER_STATUSES);
const Text = (max: number) => z.string().trim().max(max);

const Sender = z
  .object({
    name: Text(200).optional(),
    address: Text(500).optional(),
    phone: Text(30).optional(),
    email: Text(200).optional(),
    idNumber: Text(20).optional(),
  })
  .openapi({ description: "Sealed at once; a denouncer's is never stored, listed or shown in clear" });

export const IntakeBody = z.object({
  bodyId: RowIdSchema,
  kind: Kind,
  channel: z.enum(["session", "post", "hotline", "online", "direct"]),
  receivedOn: IsoDateSchema,
  subject: Text(500).min(3),
  content: Text(20_000).optional(),
  field: Field.optional(),
  sender: Sender.optional(),
  flags: z.array(Flag).max(LETTER_FLAGS.length).optional(),
  crowdSize: z.number().int().min(1).max(100_000).nullable().optional(),
  firstRoundOf: BigRowIdSchema.nullable().optional().openapi({
    description:
      "A second-round complaint: the first round's letter, resolved by the body directly below, linked to this one",
  }),
});

/** A citizen's petition through the online form (no sign-in). */
export const OnlineBody = z.object({
  bodyId: RowIdSchema.openapi({
    description: "The People's Committee it goes to (GET /api/public/letter-receivers)",
  }),
  subject: Text(300).min(5),
  content: Text(5000).min(10),
  field: Field.optional(),
  sender: z.object({
    name: Text(200).min(2),
    address: Text(500).optional(),
    phone: Text(30).optional(),
    email: z.string().trim().max(200).email().optional().or(z.literal("")),
  }),
});

export const OnlineReceipt = z
  .object({
    code: z.string(),
    secret: z.string(),
    bodyName: z.string(),
    receivedOn: IsoDateSchema,
    stepDue: IsoDateSchema.nullable(),
  })
  .openapi("OnlineLetterReceipt");

export const Receivers = z
  .object({
    items: z.array(z.object({ id: z.number(), name: z.string(), provinceName: z.string().nullable() })),
  })
  .openapi("LetterReceivers");

export const ClassifyBody = z.object({
  version: VersionSchema,
  kind: Kind.optional(),
  subject: Text(500).min(3).optional(),
  content: Text(20_000).optional(),
  field: Field.optional(),
  eligible: z.boolean().nullable().optional(),
  competent: z.boolean().nullable().optional(),
  flags: z.array(Flag).max(LETTER_FLAGS.length).optional(),
  crowdSize: z.number().int().min(1).max(100_000).nullable().optional(),
  complexity: z.enum(["normal", "complex", "particularly_complex"]).optional(),
  remote: z.boolean().optional(),
});

export const StepBody = z.object({
  version: VersionSchema,
  action: z.enum(LETTER_ACTIONS),
  on: IsoDateSchema,
  note: Text(2000).optional(),
  days: z.number().int().min(1).max(365).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  toBodyId: RowIdSchema.optional(),
  decisionNumberId: BigRowIdSchema.optional(),
});

export const ListQuery = z.object({
  unit: UnitCodeSchema,
  kind: Kind.optional(),
  state: z.union([Status, z.literal("open")]).optional(),
  due: z.enum(["soon", "overdue"]).optional().openapi({
    description: "soon: due within 5 working days or overdue; overdue: past the legal day",
  }),
});

export const ListedLetter = z
  .object({
    id: z.number(),
    code: z.string(),
    unitCode: z.string(),
    bodyId: z.number(),
    kind: Kind,
    channel: z.string(),
    receivedOn: z.string(),
    subject: z.string(),
    field: z.string(),
    flags: z.array(z.string()),
    anonymous: z.boolean(),
    status: Status,
    legalDue: z.string().nullable(),
    stepDue: z.string().nullable(),
    closedOn: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .openapi("ListedLetter");

const Clock = z.object({
  due: z.string().nullable(),
  left: z.number().nullable(),
  overdue: z.boolean(),
  text: z.object({ vi: z.string(), en: z.string() }).nullable(),
});

export const LetterDetail = ListedLetter.extend({
  bodyName: z.string(),
  content: z.string(),
  senderName: z.string().nullable().openapi({ description: "Never a denouncer's" }),
  identityProtected: z.boolean(),
  eligible: z.boolean().nullable(),
  competent: z.boolean().nullable(),
  crowdSize: z.number().nullable(),
  complexity: z.enum(["normal", "complex", "particularly_complex"]),
  remote: z.boolean(),
  round: z.number(),
  acceptedOn: z.string().nullable(),
  clocks: z.object({
    legal: Clock.extend({
      stage: z.enum(["accept", "resolve"]),
      suspended: z.boolean(),
      rule: z.object({ days: z.number(), count: z.enum(["calendar", "working"]), source: z.string() }),
    }).nullable(),
    step: Clock.nullable(),
  }),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      on: z.string(),
      days: z.number().nullable(),
      note: z.string(),
      numberSymbol: z.string().nullable(),
      registryDocumentId: z.number().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  scans: z
    .array(z.object({ id: z.number(), contentType: z.string(), size: z.number(), createdAt: z.string() }))
    .openapi({
      description: "The letter as handed in, sealed: opened one by one by those who may see the writer",
    }),
  links: z.array(
    z.object({
      kind: z.string(),
      id: z.number(),
      code: z.string(),
      letterKind: z.string(),
      status: z.string(),
      receivedOn: z.string(),
    }),
  ),
  can: z.object({
    handle: z.boolean(),
    identity: z.boolean(),
    secondRoundAt: z.string().nullable().openapi({
      description:
        "A resolved first-round complaint: the unit directly above, where the user may register its second round",
    }),
  }),
  version: z.number(),
}).openapi("LetterDetail");

export const Identity = z
  .object({
    name: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    idNumber: z.string().nullable(),
  })
  .openapi("LetterIdentity");

export const Counts = z.object({
  items: z.array(z.object({ kind: Kind, status: z.string(), count: z.number(), overdue: z.number() })),
});

export const LetterReminders = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        code: z.string(),
        kind: Kind,
        bodyName: z.string(),
        stepDue: z.string().nullable(),
        legalDue: z.string().nullable(),
        reminder: z.enum(["due_soon", "overdue", "escalated"]),
      }),
    ),
  })
  .openapi("LetterReminders");

export const Hotspots = z
  .object({
    asOf: IsoDateSchema,
    windowDays: z.number(),
    repeated: z.number(),
    units: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.enum(["hot", "watch", "calm"]),
        openCrowded: z.number(),
        openHeated: z.number(),
        crowdedRecent: z.number(),
        overdue: z.number(),
      }),
    ),
  })
  .openapi("LetterHotspots");

export const PublicLetter = z
  .object({
    code: z.string(),
    kind: Kind,
    kindName: z.object({ vi: z.string(), en: z.string() }),
    receivedOn: z.string(),
    bodyName: z.string(),
    status: Status,
    statusName: z.object({ vi: z.string(), en: z.string() }),
    legalDue: z.string().nullable(),
    closedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    steps: z.array(
      z.object({
        action: z.string(),
        name: z.object({ vi: z.string(), en: z.string() }),
        on: z.string(),
        numberSymbol: z.string().nullable(),
      }),
    ),
    transferredTo: z.string().nullable(),
  })
  .openapi("PublicLetter");
