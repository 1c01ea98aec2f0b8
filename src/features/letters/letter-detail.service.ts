/**
 * A letter's page: what it is about, its two clocks, its steps, the letters linked to it (a transfer, a second
 * round) and those that may be the same case (only those of units the user may read), its writer when the law
 * allows naming them, and what the user may do next, a second round included.
 * @module
 */
import { type Auth, coversPath } from "../../access/access.ts";
import type { Db, LetterRow } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import type { Complexity } from "../../domain/letter-clock.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { clocksOf, eventDto, listedDto } from "./letter-dto.ts";
import { storedClockRules } from "./letter-rules.service.ts";
import { scansOf } from "./letter-scans.service.ts";
import * as repo from "./letters.repository.ts";
import { readableLetter } from "./letters.service.ts";

/** Where the user may register a resolved first-round complaint's second round: the unit directly above. */
function secondRoundAt(a: Auth, l: LetterRow): string | null {
  const above = l.unit_path.slice(0, -1);
  if (l.kind !== "complaint" || l.round !== 1 || l.status !== "resolved" || above.length === 0) return null;
  return coversPath(a, "letter.handle", above) ? (above.at(-1) as string) : null;
}

/** The letter's page: its clocks, steps, links and the letters that may be the same case. */
export async function letterDetail(db: Db, auth: Auth | null, id: number) {
  const { l, a } = await readableLetter(db, auth, id, "unit.read");
  const [events, stored, similar, body, cal, rules, scans] = await Promise.all([
    repo.eventsOf(db, id),
    repo.linksOf(db, id),
    repo.similarLetters(db, l),
    bodyById(db, l.body_id),
    loadWorkingCalendar(db),
    storedClockRules(db),
    scansOf(db, id),
  ]);
  // the letters linked by a step (a transfer, a second round), then those that may be the same case
  const links = [
    ...stored,
    ...similar
      .filter((s) => !stored.some((k) => k.id === s.id))
      .map((s) => ({ ...s, kind: "same_person_content" as const })),
  ];
  // a linked letter of a unit the user may not read is not shown: not even that it exists
  const readable = links.filter((k) => coversPath(a, "unit.read", k.unit_path, k.body_id));
  return {
    ...listedDto(l),
    bodyName: body?.name ?? "",
    content: l.content,
    // a denouncer is never named; a complainant or petitioner is
    senderName: l.kind === "denunciation" ? null : l.sender_name,
    identityProtected: l.kind === "denunciation",
    eligible: l.eligible,
    competent: l.competent,
    crowdSize: l.crowd_size,
    complexity: l.complexity as Complexity,
    remote: l.remote,
    round: l.round,
    acceptedOn: l.accepted_on,
    clocks: clocksOf(l, events, todayInVietnam(), cal, rules),
    events: events.map(eventDto),
    // what the scans are, never what they hold: opened one by one, by those who may see the writer
    scans,
    links: readable.map((k) => ({
      kind: k.kind,
      id: k.id,
      code: k.code,
      letterKind: k.letter_kind,
      status: k.status,
      receivedOn: k.received_on,
    })),
    can: {
      handle: coversPath(a, "letter.handle", l.unit_path, l.body_id),
      identity: coversPath(a, "letter.identity", l.unit_path, l.body_id),
      // once, while no second round is linked
      secondRoundAt: stored.some((k) => k.kind === "second_round") ? null : secondRoundAt(a, l),
    },
    version: l.version,
  };
}
