import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LoadError } from "@/components/load-error.tsx";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Letter, readIdentity, useLetter } from "../api/letters.ts";
import { useLetterWords } from "../labels.ts";
import { ClassifyForm } from "./classify-form.tsx";
import { IntakeModal } from "./intake-modal.tsx";
import { LetterScans } from "./letter-scans.tsx";
import { StepDocument } from "./step-document.tsx";
import { StepForm } from "./step-form.tsx";

/** One letter: what it is about, its two clocks, its classification and next step, its steps, its writer. */
export function LetterPage() {
  const id = Number(useParams().id);
  const q = useLetter(id);
  if (!q.data) return q.error ? <LoadError error={q.error} /> : <Loader />;
  // after each write the forms start again from what is stored
  return <LetterView key={`${q.data.id}:${q.data.version}`} l={q.data} />;
}

function LetterView({ l }: { l: Letter }) {
  const { t } = useTranslation();
  const word = useLetterWords();
  const open = ["received", "accepted", "suspended"].includes(l.status);
  // the second round's code and secret, shown once: kept here, where the offer that made it is gone
  const [secondNotice, setSecondNotice] = useState<string | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={3} data-testid="letter-title">
            {word("kind", l.kind)} · {l.code}
          </Title>
          <Text>{l.subject}</Text>
          <Text size="sm" c="dimmed">
            {l.bodyName} · {t("letters.received")} {formatDate(l.receivedOn)} ·{" "}
            {t(`letters.channels.${l.channel}`)}
          </Text>
        </div>
        <Group gap={4}>
          <Badge data-testid="letter-status">{word("status", l.status)}</Badge>
          {l.outcome && <Badge color="gray">{word("outcome", l.outcome)}</Badge>}
          {l.flags.map((f) => (
            <Badge key={f} color="orange" variant="light">
              {word("flag", f)}
            </Badge>
          ))}
        </Group>
      </Group>
      <Clocks l={l} />
      {l.content && <Text style={{ whiteSpace: "pre-wrap" }}>{l.content}</Text>}
      <Writer l={l} />
      <LetterScans l={l} />
      {secondNotice && (
        <Alert
          color="green"
          withCloseButton
          onClose={() => setSecondNotice(null)}
          data-testid="second-round-done"
        >
          {secondNotice}
        </Alert>
      )}
      {l.can.secondRoundAt && <SecondRound l={l} unit={l.can.secondRoundAt} onDone={setSecondNotice} />}
      {l.can.handle && open && <ClassifyForm l={l} />}
      {l.can.handle && open && <StepForm l={l} />}
      <Steps l={l} />
      {l.links.length > 0 && (
        <Stack gap={4} data-testid="letter-links">
          <Title order={5}>{t("letters.links")}</Title>
          {l.links.map((k) => (
            <Text key={`${k.kind}${k.id}`} size="sm">
              <Anchor component={Link} to={`/letters/${k.id}`}>
                {k.code}
              </Anchor>{" "}
              · {t(`letters.linkKinds.${k.kind}`)} · {word("status", k.status)} · {formatDate(k.receivedOn)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Clocks({ l }: { l: Letter }) {
  const { t, i18n } = useTranslation();
  const say = (x: { vi: string; en: string } | null) => (x ? (i18n.language === "en" ? x.en : x.vi) : "");
  const { legal, step } = l.clocks;
  if (!legal && !step) return null;
  return (
    <Paper withBorder p="sm" data-testid="letter-clocks">
      <Group gap="xl">
        {legal && (
          <div>
            <Text size="sm" fw={600}>
              {t("letters.legalClock", { stage: t(`letters.stages.${legal.stage}`) })}
            </Text>
            {legal.suspended ? (
              <Text c="orange">{t("letters.suspendedClock")}</Text>
            ) : (
              <Text c={legal.overdue ? "red" : undefined} data-testid="legal-clock">
                {formatDate(legal.due)} · {say(legal.text)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("letters.ruleSource", {
                days: legal.rule.days,
                working: legal.rule.count === "working" ? t("letters.workingDays") : "",
                source: legal.rule.source,
              })}
            </Text>
          </div>
        )}
        {step && (
          <div>
            <Text size="sm" fw={600}>
              {t("letters.stepClock")}
            </Text>
            <Text c={step.overdue ? "red" : undefined}>
              {formatDate(step.due)} · {say(step.text)}
            </Text>
          </div>
        )}
      </Group>
    </Paper>
  );
}

/** The writer: a complainant or petitioner by name; a denouncer's identity only on purpose, for those allowed. */
function Writer({ l }: { l: Letter }) {
  const { t } = useTranslation();
  const { error, onError } = useApiError();
  const [shown, setShown] = useState<Awaited<ReturnType<typeof readIdentity>> | null>(null);
  const show = async () => {
    try {
      setShown(await readIdentity(l.id));
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Stack gap={2} data-testid="letter-writer">
      <Text size="sm" fw={600}>
        {t("letters.identity")}
      </Text>
      {l.anonymous ? (
        <Text size="sm">{t("letters.anonymous")}</Text>
      ) : l.identityProtected && !shown ? (
        <Group gap="xs">
          <Text size="sm">{t("letters.identityProtected")}</Text>
          {l.can.identity && (
            <Button size="xs" variant="light" onClick={() => void show()} data-testid="letter-show-identity">
              {t("letters.showIdentity")}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" data-testid="letter-sender">
          {[shown?.name ?? l.senderName, shown?.address, shown?.phone, shown?.idNumber]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}

function Steps({ l }: { l: Letter }) {
  const { t } = useTranslation();
  const word = useLetterWords();
  const { error, onError } = useApiError();
  return (
    <Stack gap={4}>
      {error && <Alert color="red">{error}</Alert>}
      <Title order={5}>{t("letters.steps")}</Title>
      {l.events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("letters.noSteps")}
        </Text>
      ) : (
        <Table data-testid="letter-steps">
          <Table.Tbody>
            {l.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDate(e.on)}</Table.Td>
                <Table.Td>
                  {word("action", e.action)}
                  {e.days ? ` (${e.days})` : ""}
                </Table.Td>
                <Table.Td>{e.numberSymbol ?? ""}</Table.Td>
                <Table.Td>{e.note}</Table.Td>
                <Table.Td>{l.can.handle && <StepDocument letter={l} event={e} onError={onError} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** A resolved first-round complaint: its second round registered at the body directly above, linked to it. */
function SecondRound({ l, unit, onDone }: { l: Letter; unit: string; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" w="fit-content" onClick={() => setOpen(true)} data-testid="second-round">
        {t("letters.secondRound")}
      </Button>
      {open && (
        <IntakeModal
          unit={unit}
          firstRound={{ id: l.id, code: l.code, subject: l.subject, senderName: l.senderName }}
          onClose={() => setOpen(false)}
          onDone={(text) => {
            setOpen(false);
            onDone(text);
          }}
        />
      )}
    </>
  );
}
