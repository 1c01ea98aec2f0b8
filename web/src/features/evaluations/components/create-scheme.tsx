import { Alert, Button, Group, Radio, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useUnitName } from "@/components/unit-picker.tsx";
import { call, client } from "@/lib/api.ts";
import { formatNumber } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { evaluationKeys } from "../api/evaluations.ts";
import type { SchemeBody } from "../scheme.ts";
import { type SchemeSent, thisYear } from "../scheme.ts";
import { SchemeEditor } from "./scheme-editor.tsx";

type Enrols = "commune" | "district" | "department";

/** The years a scheme may be issued for: back to 2021 (results entered afterwards) and the next year. */
const YEARS = Array.from({ length: thisYear - 2019 }, (_, i) => String(thisYear + 1 - i));

export function CreateScheme({
  province,
  onClose,
  onCreated,
}: {
  province: string;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const provinceName = useUnitName(province);
  const examples = useQuery({
    queryKey: evaluationKeys.examples(),
    queryFn: () => call(client.GET("/api/evaluation-schemes/examples")),
  });
  const [year, setYear] = useState(String(thisYear));
  // before the 2025 reform a province scored its districts; since then, its communes
  const [enrols, setEnrols] = useState<Enrols>("commune");
  const [example, setExample] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(`${thisYear}-11-01`);
  const [until, setUntil] = useState<string | null>(`${thisYear}-12-15`);
  // the example, adjustable: bands' thresholds and caps are the province's to set (none is national)
  const [edited, setEdited] = useState<SchemeBody | null>(null);
  const chosen = examples.data?.items.find((e) => e.key === example);
  const dirty = example !== null || edited !== null;
  const missing = [
    ...(!example ? [t("evaluations.needExample")] : []),
    ...(!from ? [t("evaluations.needFrom")] : []),
    ...(!until ? [t("evaluations.needUntil")] : []),
  ];
  const create = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/evaluation-schemes", {
          body: {
            provinceCode: province,
            year: Number(year),
            ...(edited
              ? { scheme: edited as SchemeSent, name: `Bộ tiêu chí đánh giá năm ${year} (điều chỉnh từ mẫu)` }
              : { exampleKey: example ?? undefined }),
            selfFrom: from ?? "",
            selfUntil: until ?? "",
            enrols,
          },
        }),
      ),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemeLists() });
      confirmDone(t("evaluations.issued", { year, enrolled: formatNumber(r.enrolled) }));
      onCreated(r.id);
      onClose();
    },
    onError,
  });
  return (
    <GuardedModal
      opened
      dirty={dirty}
      onClose={onClose}
      title={t("evaluations.createFor", { province: provinceName })}
      size="xl"
    >
      {(close) => (
        <Stack>
          <Select
            label={t("evaluations.year")}
            data={YEARS}
            value={year}
            onChange={(v) => {
              const y = v ?? String(thisYear);
              setYear(y);
              // the level scored follows the year; the departments stay chosen
              if (enrols !== "department") setEnrols(Number(y) < 2025 ? "district" : "commune");
            }}
            w={120}
            data-testid="scheme-year"
          />
          <Radio.Group
            label={t("evaluations.enrols")}
            value={enrols}
            onChange={(v) => setEnrols(v as Enrols)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="commune" label={t("evaluations.enrolsCommune")} />
              <Radio value="district" label={t("evaluations.enrolsDistrict")} data-testid="enrols-district" />
              <Radio value="department" label={t("evaluations.enrolsDepartment")} />
            </Stack>
          </Radio.Group>
          <Select
            label={t("evaluations.example")}
            data={(examples.data?.items ?? []).map((e) => ({ value: e.key, label: e.nameVi }))}
            value={example}
            onChange={(v) => {
              setExample(v);
              setEdited(null);
            }}
            data-testid="scheme-example"
            withAsterisk
          />
          {chosen?.source && (
            <Text size="sm" c="dimmed" data-testid="scheme-source">
              {t("evaluations.after", { source: chosen.source })}
            </Text>
          )}
          {chosen && !edited && (
            <Button
              variant="subtle"
              size="xs"
              w={260}
              onClick={() => setEdited(structuredClone(chosen.scheme as SchemeBody))}
            >
              {t("evaluations.editScheme")}
            </Button>
          )}
          {edited && <SchemeEditor value={edited} onChange={setEdited} />}
          <Group grow>
            <DateField label={t("evaluations.selfFrom")} withAsterisk value={from} onChange={setFrom} />
            <DateField label={t("evaluations.selfUntil")} withAsterisk value={until} onChange={setUntil} />
          </Group>
          <Text size="xs" c="dimmed">
            {t("evaluations.enrolHint")}
          </Text>
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("evaluations.issue")}
            onAction={() => create.mutate()}
            busy={create.isPending}
            missing={missing}
            onCancel={close}
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
