import { todayInVietnam } from "@domain/dates.ts";
import { LETTER_STATUSES } from "@domain/letter-workflow.ts";
import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { formatDate } from "@/lib/format.ts";
import { type ListFilter, useLetterCounts, useLetters } from "../api/letters.ts";
import { useLetterOptions, useLetterWords } from "../labels.ts";
import { HotspotsPanel } from "./hotspots-panel.tsx";
import { IntakeModal } from "./intake-modal.tsx";
import { LetterReminders } from "./letter-reminders.tsx";

const KINDS = ["complaint", "denunciation", "petition"] as const;

/**
 * A unit's letters (its own and the units' below), soonest due first: filtered by kind, state and due day,
 * with the counts by kind; letters registered here, each opening its page. No writer's name is listed.
 */
export function LettersPage({ defaultUnit, canHandle }: { defaultUnit: string; canHandle: boolean }) {
  const { t } = useTranslation();
  const word = useLetterWords();
  const options = useLetterOptions();
  const [unit, setUnit] = useState(defaultUnit);
  const [level, setLevel] = useState<string | null>(null);
  const [filter, setFilter] = useState<ListFilter>({ state: "open" });
  const [registering, setRegistering] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useLetters(unit, filter);
  const counts = useLetterCounts(unit);
  const byKind = KINDS.map((k) => {
    const rows = counts.data?.items.filter((x) => x.kind === k) ?? [];
    return {
      kind: k,
      count: rows.reduce((n, x) => n + x.count, 0),
      overdue: rows.reduce((n, x) => n + x.overdue, 0),
    };
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t("letters.title")}</Title>
        {canHandle && (
          <Button onClick={() => setRegistering(true)} data-testid="letter-register">
            {t("letters.register")}
          </Button>
        )}
      </Group>
      <LetterReminders />
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="letter-notice">
          {notice}
        </Alert>
      )}
      {!unit && <Alert data-testid="letters-pick-unit">{t("letters.pickUnit")}</Alert>}
      <Group align="end" wrap="wrap">
        <UnitPicker
          label={t("letters.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code, chosen) => {
            if (!code) return;
            setUnit(code);
            setLevel(chosen?.level ?? null);
          }}
          onLevel={setLevel}
          w={300}
        />
        <Select
          label={t("letters.kind")}
          data={[{ value: "", label: t("letters.all") }, ...options("kind", KINDS)]}
          value={filter.kind ?? ""}
          onChange={(v) => setFilter((f) => ({ ...f, kind: (v || undefined) as ListFilter["kind"] }))}
          w={190}
          allowDeselect={false}
        />
        <Select
          label={t("letters.state")}
          data={[
            { value: "", label: t("letters.all") },
            { value: "open", label: t("letters.open") },
            ...options("status", LETTER_STATUSES),
          ]}
          value={filter.state ?? ""}
          onChange={(v) => setFilter((f) => ({ ...f, state: v || undefined }))}
          w={190}
          allowDeselect={false}
          data-testid="letters-state"
        />
        <Select
          label={t("letters.due")}
          data={[
            { value: "", label: t("letters.all") },
            { value: "soon", label: t("letters.dueSoon") },
            { value: "overdue", label: t("letters.overdue") },
          ]}
          value={filter.due ?? ""}
          onChange={(v) => setFilter((f) => ({ ...f, due: (v || undefined) as ListFilter["due"] }))}
          w={300}
          allowDeselect={false}
          data-testid="letters-due"
        />
      </Group>
      <Group gap="lg" data-testid="letter-counts">
        {byKind.map((k) => (
          <Text key={k.kind} size="sm">
            <b>{word("kind", k.kind)}:</b> {t("letters.countOf", { count: k.count, overdue: k.overdue })}
          </Text>
        ))}
      </Group>
      {/* a province reads its hot spots before the long list of its letters */}
      {level === "province" && <HotspotsPanel unit={unit} />}
      <WideTable minWidth={860} label={t("letters.title")}>
        <Table striped data-testid="letters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("letters.code")}</Table.Th>
              <Table.Th>{t("letters.subject")}</Table.Th>
              <Table.Th>{t("letters.kind")}</Table.Th>
              <Table.Th>{t("letters.received")}</Table.Th>
              <Table.Th>{t("letters.state")}</Table.Th>
              <Table.Th>{t("letters.legalDue")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>{t("letters.empty")}</Table.Td>
              </Table.Tr>
            )}
            {list.data?.items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Anchor component={Link} to={`/letters/${l.id}`}>
                    {l.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {l.subject}
                  {l.flags.map((f) => (
                    <Badge key={f} color="orange" variant="light" ml={4} size="sm">
                      {word("flag", f)}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{word("kind", l.kind)}</Table.Td>
                <Table.Td>{formatDate(l.receivedOn)}</Table.Td>
                <Table.Td>{word("status", l.status)}</Table.Td>
                <Table.Td>
                  <DueCell due={l.legalDue} closed={l.closedOn !== null} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {registering && (
        <IntakeModal
          unit={unit}
          onClose={() => setRegistering(false)}
          onDone={(text) => {
            setRegistering(false);
            setNotice(text);
          }}
        />
      )}
    </Stack>
  );
}

/** The legal due day, red once past. */
function DueCell({ due, closed }: { due: string | null; closed: boolean }) {
  const today = todayInVietnam();
  if (!due || closed) return <>—</>;
  return (
    <Text c={due < today ? "red" : undefined} size="sm">
      {formatDate(due)}
    </Text>
  );
}
