import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WideTable } from "@/components/wide-table.tsx";
import { formatDate } from "@/lib/format.ts";
import { type Commitment, useDialogues } from "../api/reception.ts";
import { FollowUpModal, TaskModal } from "./commitment-modals.tsx";
import { DialogueModal } from "./dialogue-modal.tsx";

const STATUS_COLOR: Record<Commitment["status"], string> = {
  open: "gray",
  in_progress: "blue",
  done: "teal",
  dropped: "dark",
};

/**
 * A unit's dialogues with the people in a year: each with its topics and the commitments made, their follow-up
 * (a commitment made a plan's task follows the task), and the year's tally; recording and following up for
 * those who handle the unit's reception.
 */
export function DialoguesPanel({
  unit,
  year,
  canHandle,
}: {
  unit: string;
  year: number;
  canHandle: boolean;
}) {
  const { t } = useTranslation();
  const q = useDialogues(unit, year);
  const [open, setOpen] = useState<
    null | { kind: "new" } | { kind: "follow" | "task"; c: Commitment; unit: string; heldOn: string }
  >(null);
  const s = q.data?.summary;
  return (
    <Stack gap="xs" data-testid="dialogues">
      <Group justify="space-between">
        <Title order={4}>{t("dialogues.title", { year })}</Title>
        {canHandle && (
          <Button variant="light" onClick={() => setOpen({ kind: "new" })} data-testid="dialogue-new">
            {t("dialogues.new")}
          </Button>
        )}
      </Group>
      {s && (
        <Text size="sm" data-testid="dialogues-summary">
          {t("dialogues.summary", {
            dialogues: s.dialogues,
            participants: s.participants,
            commitments: s.commitments,
            done: s.done,
            overdue: s.overdue,
          })}
        </Text>
      )}
      {q.data?.items.length === 0 && <Text size="sm">{t("dialogues.none")}</Text>}
      {q.data?.items.map((d) => (
        <Card key={d.id} withBorder padding="sm" data-testid={`dialogue-${d.id}`}>
          <Text fw={600} size="sm">
            {formatDate(d.heldOn)} · {t(`dialogues.kinds.${d.kind}`)} · {d.chairedBy}
          </Text>
          <Text size="xs" c="dimmed">
            {t("dialogues.participantsCount", { count: d.participants })}
            {d.place ? ` · ${d.place}` : ""}
          </Text>
          {d.topics && (
            <Text size="sm" mt={4}>
              {t("dialogues.topics")}: {d.topics}
            </Text>
          )}
          {d.commitments.length > 0 && (
            <WideTable
              minWidth={720}
              label={`${t("dialogues.commitments")} ${formatDate(d.heldOn)} (${d.chairedBy})`}
            >
              <Table mt="xs" data-testid={`dialogue-${d.id}-commitments`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("dialogues.commitments")}</Table.Th>
                    <Table.Th>{t("dialogues.owner")}</Table.Th>
                    <Table.Th>{t("dialogues.dueOn")}</Table.Th>
                    <Table.Th>{t("dialogues.followUp")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.commitments.map((c) => (
                    <Table.Tr key={c.id} data-testid={`commitment-${c.id}`}>
                      <Table.Td>
                        <Text size="sm">{c.content}</Text>
                        {c.result && (
                          <Text size="xs" c="dimmed">
                            {t("dialogues.result")}: {c.result}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{c.owner || "—"}</Table.Td>
                      <Table.Td>{c.dueOn ? formatDate(c.dueOn) : "—"}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge
                            color={STATUS_COLOR[c.status]}
                            variant="light"
                            data-testid="commitment-status"
                          >
                            {t(`dialogues.status.${c.status}`)}
                          </Badge>
                          {c.overdue && (
                            <Badge color="red" variant="light">
                              {t("dialogues.overdue")}
                            </Badge>
                          )}
                        </Group>
                        {c.task ? (
                          <Anchor
                            component={Link}
                            to={`/plans/${c.task.planId}`}
                            size="xs"
                            data-testid="commitment-task"
                          >
                            {t("dialogues.taskOf", {
                              plan: c.task.planTitle,
                              progress: c.task.progress ?? 0,
                            })}
                          </Anchor>
                        ) : (
                          canHandle && (
                            <Group gap={4} mt={4}>
                              <Button
                                size="compact-xs"
                                variant="default"
                                onClick={() =>
                                  setOpen({ kind: "follow", c, unit: d.unitCode, heldOn: d.heldOn })
                                }
                                data-testid="commitment-follow"
                              >
                                {t("dialogues.update")}
                              </Button>
                              {(c.status === "open" || c.status === "in_progress") && (
                                <Button
                                  size="compact-xs"
                                  variant="default"
                                  onClick={() =>
                                    setOpen({ kind: "task", c, unit: d.unitCode, heldOn: d.heldOn })
                                  }
                                  data-testid="commitment-to-task"
                                >
                                  {t("dialogues.toTask")}
                                </Button>
                              )}
                            </Group>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </WideTable>
          )}
        </Card>
      ))}
      {open?.kind === "new" && <DialogueModal unit={unit} onClose={() => setOpen(null)} />}
      {open?.kind === "follow" && <FollowUpModal commitment={open.c} onClose={() => setOpen(null)} />}
      {open?.kind === "task" && (
        <TaskModal commitment={open.c} unit={open.unit} heldOn={open.heldOn} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
