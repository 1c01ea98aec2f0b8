import { ActionIcon, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { removeAt, replaceAt } from "@/lib/lists.ts";
import type { SchemeBody } from "../scheme.ts";
import { atPath, flatten, newItem, withKind } from "../scheme-tree.ts";

type Item = SchemeBody["items"][number];
type Band = SchemeBody["bands"][number];
type Cap = SchemeBody["caps"][number];

/**
 * The evaluation scheme edited in place: its criteria tree (code, title, kind, maximum points, who scores,
 * evidence, PAR-only; sub-items added, changed or removed at any depth — an item with sub-items is scored
 * through them), its bands (name and lowest score) and its capping rules. The server checks the whole (a
 * parent's sub-items add up to no more than its maximum and are of its kind, bands in order, caps name a band).
 */
export function SchemeEditor({ value, onChange }: { value: SchemeBody; onChange: (s: SchemeBody) => void }) {
  const { t } = useTranslation();
  const setItems = (path: readonly number[], f: (it: Item) => Item | null) =>
    onChange({ ...value, items: atPath(value.items, path, f) });
  const setBand = (i: number, x: Band) => onChange({ ...value, bands: replaceAt(value.bands, i, x) });
  const setCap = (i: number, x: Cap) => onChange({ ...value, caps: replaceAt(value.caps, i, x) });
  const total = value.items
    .filter((i) => i.kind === "criterion")
    .reduce((n, i) => n + (Number(i.maxPoints.replace(",", ".")) || 0), 0);
  return (
    <Stack gap="xs" data-testid="scheme-editor">
      <Text fw={600}>{t("evaluations.editor.items", { total: String(total).replace(".", ",") })}</Text>
      <Table>
        <Table.Tbody>
          {flatten(value.items).map(({ it, path }) => {
            const depth = path.length - 1;
            const set = (x: Partial<Item>) => setItems(path, (old) => ({ ...old, ...x }));
            return (
              <Table.Tr key={path.join(".")} data-testid={`scheme-item-${it.code}`}>
                <Table.Td w={90 + depth * 16} pl={depth * 16}>
                  <TextInput
                    size="xs"
                    value={it.code}
                    onChange={(e) => set({ code: e.currentTarget.value })}
                    aria-label={t("evaluations.editor.code")}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={it.titleVi}
                    onChange={(e) => set({ titleVi: e.currentTarget.value })}
                    aria-label={`${it.code} ${t("evaluations.editor.title")}`}
                  />
                  {it.children?.length ? (
                    <Text size="xs" c="dimmed">
                      {t("evaluations.editor.children", { count: it.children.length })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td w={120}>
                  <Select
                    size="xs"
                    allowDeselect={false}
                    disabled={depth > 0}
                    data={(["criterion", "bonus", "penalty"] as const).map((k) => ({
                      value: k,
                      label: t(`evaluations.kinds.${k}`),
                    }))}
                    value={it.kind}
                    onChange={(v) => v && setItems(path, (old) => withKind(old, v))}
                    aria-label={t("evaluations.editor.kind")}
                  />
                </Table.Td>
                <Table.Td w={70}>
                  <TextInput
                    size="xs"
                    value={it.maxPoints}
                    onChange={(e) => set({ maxPoints: e.currentTarget.value })}
                    aria-label={`${it.code} ${t("evaluations.max")}`}
                  />
                </Table.Td>
                <Table.Td w={120}>
                  <Select
                    size="xs"
                    allowDeselect={false}
                    data={[
                      { value: "unit", label: t("evaluations.editor.byUnit") },
                      { value: "superior", label: t("evaluations.editor.bySuperior") },
                    ]}
                    value={it.scoredBy}
                    onChange={(v) => v && set({ scoredBy: v })}
                    aria-label={t("evaluations.editor.scoredBy")}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    label={t("evaluations.editor.evidence")}
                    checked={it.evidenceRequired}
                    onChange={(e) => set({ evidenceRequired: e.currentTarget.checked })}
                  />
                  <Checkbox
                    size="xs"
                    mt={4}
                    label={t("evaluations.editor.parOnly")}
                    checked={it.parIndexOnly ?? false}
                    onChange={(e) => set({ parIndexOnly: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td w={70}>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      size="sm"
                      variant="default"
                      aria-label={`${it.code} ${t("evaluations.editor.addChild")}`}
                      title={t("evaluations.editor.addChild")}
                      onClick={() =>
                        setItems(path, (old) => ({
                          ...old,
                          children: [...(old.children ?? []), newItem(old, old.children ?? [])],
                        }))
                      }
                    >
                      +
                    </ActionIcon>
                    <ActionIcon
                      size="sm"
                      variant="default"
                      aria-label={`${it.code} ${t("evaluations.editor.remove")}`}
                      title={t("evaluations.editor.remove")}
                      onClick={() => setItems(path, () => null)}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => onChange({ ...value, items: [...value.items, newItem(null, value.items)] })}
        >
          {t("evaluations.editor.addItem")}
        </Button>
      </Group>

      <Text fw={600}>{t("evaluations.editor.bands")}</Text>
      {value.bands.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as for items
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            w={90}
            value={b.code}
            onChange={(e) => setBand(i, { ...b, code: e.currentTarget.value })}
            aria-label={t("evaluations.editor.code")}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            value={b.nameVi}
            onChange={(e) => setBand(i, { ...b, nameVi: e.currentTarget.value })}
            aria-label={t("evaluations.editor.bandName")}
          />
          <TextInput
            size="xs"
            w={90}
            value={b.min}
            onChange={(e) => setBand(i, { ...b, min: e.currentTarget.value })}
            aria-label={`${b.code} ${t("evaluations.editor.min")}`}
            leftSection={<Text size="xs">≥</Text>}
          />
        </Group>
      ))}

      <Text fw={600}>{t("evaluations.editor.caps")}</Text>
      {value.caps.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as for items
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            value={c.labelVi}
            onChange={(e) => setCap(i, { ...c, labelVi: e.currentTarget.value })}
            aria-label={t("evaluations.editor.capLabel")}
          />
          <Select
            size="xs"
            w={200}
            allowDeselect={false}
            data={value.bands.map((b) => ({ value: b.code, label: b.nameVi || b.code }))}
            value={c.maxBand}
            onChange={(v) => v && setCap(i, { ...c, maxBand: v })}
            aria-label={t("evaluations.editor.capBand")}
          />
          <ActionIcon
            size="sm"
            variant="default"
            aria-label={t("evaluations.editor.remove")}
            onClick={() => onChange({ ...value, caps: removeAt(value.caps, i) })}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            onChange({
              ...value,
              caps: [
                ...value.caps,
                {
                  code: `cap_${value.caps.length + 1}`,
                  labelVi: "",
                  maxBand: value.bands[1]?.code ?? value.bands[0]?.code ?? "",
                },
              ],
            })
          }
        >
          {t("evaluations.editor.addCap")}
        </Button>
      </Group>
      <Checkbox
        label={t("evaluations.editor.scale")}
        checked={value.scaleTo100}
        onChange={(e) => onChange({ ...value, scaleTo100: e.currentTarget.checked })}
      />
    </Stack>
  );
}
