import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUnitName } from "@/components/unit-picker.tsx";
import { call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { modelKeys } from "../api/models.ts";

export function KeepUpModal({ unit, year, onClose }: { unit: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const unitName = useUnitName(unit);
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const candidates = useQuery({
    queryKey: modelKeys.carryOverOf(unit, year),
    queryFn: () => call(client.GET("/api/models/carry-over", { params: { query: { unit, year } } })),
  });
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const chosen = (candidates.data?.items ?? []).filter((c) => !unticked.has(c.id)).map((c) => c.id);
  const keep = useMutation({
    mutationFn: () =>
      call(client.POST("/api/models/carry-over", { body: { unitCode: unit, year, modelIds: chosen } })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: modelKeys.all() });
      await qc.invalidateQueries({ queryKey: modelKeys.counts() });
      await qc.invalidateQueries({ queryKey: modelKeys.carryOver() });
      onClose();
    },
    onError,
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t("models.keepUpTitle", { year, unit: unitName })}>
      <Stack gap="xs">
        {error && <Alert color="red">{error}</Alert>}
        {candidates.data?.items.length === 0 && <Text>{t("models.nothingToKeep")}</Text>}
        {candidates.data?.items.map((c) => (
          <Checkbox
            key={c.id}
            label={`${c.name} (${t("models.lastYear", { year: c.lastYear })})`}
            checked={!unticked.has(c.id)}
            onChange={(e) => {
              const next = new Set(unticked);
              if (e.currentTarget.checked) next.delete(c.id);
              else next.add(c.id);
              setUnticked(next);
            }}
          />
        ))}
        <Group>
          <Button onClick={() => keep.mutate()} loading={keep.isPending} disabled={chosen.length === 0}>
            {t("models.keepChosen", { count: chosen.length })}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
