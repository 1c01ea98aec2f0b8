import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { NarrativeEditor } from "@/components/narrative-editor.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import type { Draft } from "../api/drafts.ts";

type Section = Draft["sections"][number];
type Task = Draft["tasks"][number];

/**
 * The body of a document as headed sections: each heading ("I. MỤC ĐÍCH, YÊU CẦU", or none for text that runs
 * on) with its text, footnotes and all; sections added and removed as the document needs.
 */
export function SectionsEditor(props: {
  sections: Section[];
  readOnly: boolean;
  onChange: (sections: Section[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Section>) =>
    props.onChange(props.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="sm">
      {props.sections.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sections have no id; their order is their identity
        <Paper withBorder p="xs" key={i} data-testid={`draft-section-${i}`}>
          <Group align="end" gap="xs" wrap="nowrap">
            <TextInput
              label={t("drafts.heading")}
              value={s.title}
              onChange={(e) => set(i, { title: e.currentTarget.value })}
              readOnly={props.readOnly}
              maxLength={300}
              style={{ flex: 1 }}
              data-testid={`draft-heading-${i}`}
            />
            <Select
              label={t("drafts.headingLevel")}
              data={[
                { value: "1", label: t("drafts.level1") },
                { value: "2", label: t("drafts.level2") },
              ]}
              value={String(s.level)}
              onChange={(v) => set(i, { level: v === "2" ? 2 : 1 })}
              readOnly={props.readOnly}
              w={170}
            />
            {!props.readOnly && props.sections.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("drafts.removeSection")}
                onClick={() => props.onChange(props.sections.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
          <NarrativeEditor
            label={s.title || t("drafts.text")}
            hideLabel
            value={s.text}
            onChange={(v) => set(i, { text: v })}
            readOnly={props.readOnly}
            testId={`draft-text-${i}`}
          />
        </Paper>
      ))}
      {!props.readOnly && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() => props.onChange([...props.sections, { title: "", level: 1, text: "" }])}
        >
          {t("drafts.addSection")}
        </Button>
      )}
    </Stack>
  );
}

/** The tasks a Kế hoạch assigns (what, to which unit below, by when): its "Phân công thực hiện" table. */
export function TasksEditor(props: {
  tasks: Task[];
  unitCode: string;
  readOnly: boolean;
  onChange: (tasks: Task[]) => void;
  errorOf: (i: number) => string | null;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Task>) =>
    props.onChange(props.tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Stack gap={4}>
      <Text fw={600}>{t("drafts.tasks")}</Text>
      <Text size="xs" c="dimmed">
        {t("drafts.tasksHint")}
      </Text>
      <Stack gap="xs" data-testid="draft-tasks">
        {props.tasks.map((task, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tasks of a draft have no id before they are tracked
          <Group key={i} align="start" gap="xs" wrap="wrap">
            <TextInput
              aria-label={t("drafts.taskTitle")}
              placeholder={t("drafts.taskTitle")}
              value={task.title}
              onChange={(e) => set(i, { title: e.currentTarget.value })}
              readOnly={props.readOnly}
              maxLength={1000}
              style={{ flex: 1, minWidth: 240 }}
              data-testid={`draft-task-title-${i}`}
            />
            <UnitPicker
              aria-label={t("drafts.taskUnit")}
              placeholder={t("drafts.taskUnit")}
              value={task.assigneeUnitCode || null}
              within={props.unitCode}
              onChange={(c) => set(i, { assigneeUnitCode: c ?? "" })}
              readOnly={props.readOnly}
              error={props.errorOf(i)}
              w={260}
              data-testid={`draft-task-unit-${i}`}
            />
            <DateField
              aria-label={t("drafts.taskDue")}
              placeholder={t("drafts.taskDue")}
              value={task.dueOn || null}
              onChange={(d) => set(i, { dueOn: d ?? "" })}
              readOnly={props.readOnly}
              w={150}
              data-testid={`draft-task-due-${i}`}
            />
            {!props.readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={6}
                aria-label={t("drafts.removeTask")}
                onClick={() => props.onChange(props.tasks.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {!props.readOnly && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() =>
            props.onChange([...props.tasks, { title: "", assigneeUnitCode: props.unitCode, dueOn: "" }])
          }
        >
          {t("drafts.addTask")}
        </Button>
      )}
    </Stack>
  );
}
