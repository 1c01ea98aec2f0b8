import { dimensionName, term, unitOfMeasure } from "@domain/terms.ts";
import { formatDecimal, langOf, parseNumber } from "@domain/vn-format.ts";
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WideTable } from "@/components/wide-table.tsx";
import { type BodyOf, call, client } from "@/lib/api.ts";
import { pageLang } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { indicatorKeys } from "../api/keys.ts";

const TYPES = ["integer", "decimal", "percentage", "text"] as const;
const AGGREGATIONS = ["sum", "average", "weighted_average", "min", "max", "latest", "none"] as const;
type IndicatorBody = BodyOf<"/api/indicators", "post">;

const EMPTY = {
  code: "",
  nameVi: "",
  nameEn: "",
  type: "integer",
  unitOfMeasure: "",
  aggregation: "sum",
  weightCode: "",
  maxValue: "",
};

/** The indicator catalogue; system admins add indicators. */
export function IndicatorsPage({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: indicatorKeys.all(),
    queryFn: () => call(client.GET("/api/indicators")),
  });
  const [form, setForm] = useState(EMPTY);
  const { error, onError, clear } = useApiError();
  const create = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/indicators", {
          body: {
            ...form,
            type: form.type as IndicatorBody["type"],
            aggregation: form.aggregation as IndicatorBody["aggregation"],
            weightCode: form.aggregation === "weighted_average" && form.weightCode ? form.weightCode : null,
            maxValue:
              form.type !== "text" && form.maxValue.trim() ? parseNumber(form.maxValue, pageLang()) : null,
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setForm(EMPTY);
      await qc.invalidateQueries({ queryKey: indicatorKeys.all() });
    },
    onError,
  });
  const set = (k: keyof typeof EMPTY) => (v: string | null) => setForm({ ...form, [k]: v ?? "" });
  return (
    <Stack>
      <Title order={3}>{t("indicators")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      {canManage && (
        <Group align="end" wrap="wrap">
          <TextInput
            label={t("code")}
            placeholder="HAMLET_MEETINGS"
            value={form.code}
            onChange={(e) => set("code")(e.currentTarget.value.toUpperCase())}
            w={180}
          />
          <TextInput
            label={t("nameVi")}
            value={form.nameVi}
            onChange={(e) => set("nameVi")(e.currentTarget.value)}
            w={240}
          />
          <TextInput
            label={t("nameEn")}
            value={form.nameEn}
            onChange={(e) => set("nameEn")(e.currentTarget.value)}
            w={200}
          />
          <Select
            label={t("type")}
            w={150}
            value={form.type}
            onChange={set("type")}
            data={TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          />
          <TextInput
            label={t("unitOfMeasure")}
            value={form.unitOfMeasure}
            onChange={(e) => set("unitOfMeasure")(e.currentTarget.value)}
            w={110}
          />
          <Select
            label={t("aggregation")}
            w={190}
            value={form.aggregation}
            onChange={set("aggregation")}
            data={AGGREGATIONS.map((v) => ({ value: v, label: t(`aggregations.${v}`) }))}
          />
          {form.aggregation === "weighted_average" && (
            <Select
              label={t("weightCode")}
              w={220}
              searchable
              value={form.weightCode || null}
              onChange={set("weightCode")}
              data={(q.data?.items ?? [])
                .filter((i) => i.type === "integer" || i.type === "decimal")
                .map((i) => ({
                  value: i.code,
                  label: `${i.code} — ${i18n.language === "en" ? i.nameEn : i.nameVi}`,
                }))}
            />
          )}
          {form.type !== "text" && (
            <TextInput
              label={t("maxValue")}
              description={t("maxValueHint")}
              placeholder="1.000.000"
              value={form.maxValue}
              onChange={(e) => set("maxValue")(e.currentTarget.value)}
              w={200}
            />
          )}
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t("addIndicator")}
          </Button>
        </Group>
      )}
      <WideTable minWidth={900} label={t("indicators")}>
        <Table striped data-testid="indicator-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("name")}</Table.Th>
              <Table.Th>{t("type")}</Table.Th>
              <Table.Th>{t("unitOfMeasure")}</Table.Th>
              <Table.Th>{t("aggregation")}</Table.Th>
              <Table.Th>{t("categories")}</Table.Th>
              <Table.Th>{t("maxValue")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data?.items.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Td>
                  <Text size="sm">{lang === "en" ? i.nameEn : i.nameVi}</Text>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {i.code}
                    </Text>
                    {i.builtIn && (
                      <Badge size="xs" variant="light">
                        {t("builtIn")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`types.${i.type}`)}</Table.Td>
                <Table.Td>{unitOfMeasure(i.unitOfMeasure, lang)}</Table.Td>
                <Table.Td>
                  {t(`aggregations.${i.aggregation}`)}
                  {i.weightCode ? ` ${t("weightedBy", { code: i.weightCode })}` : ""}
                </Table.Td>
                <Table.Td>
                  {Object.entries(i.categories ?? {})
                    .map(([k, v]) => `${dimensionName(k, lang)}: ${v.map((o) => term(o, lang)).join(", ")}`)
                    .join(" · ")}
                </Table.Td>
                <Table.Td>{i.maxValue ? formatDecimal(i.maxValue, lang) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
    </Stack>
  );
}
