import { Group, MultiSelect, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { useAskRules } from "@/features/units/api/ask-rules.ts";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { unitKeys } from "@/features/units/api/keys.ts";
import { call, client } from "@/lib/api.ts";

/**
 * A request addressed to bodies by name: the body that asks (a body of the issuing unit) and the bodies it may
 * ask by the rules of who asks whom: of the same unit (the Ban Dân vận asks the UBND, the UBMTTQ and the đoàn
 * thể of its own unit), and of units below, found by name (the Đảng ủy of a commune), mixed as needed. Bodies
 * the rules do not let it ask are not offered.
 */
export function TargetBodiesPicker({
  unitCode,
  issuerBodyId,
  onIssuerBody,
  targets,
  onTargets,
  fieldError,
}: {
  unitCode: string;
  issuerBodyId: number | null;
  onIssuerBody: (id: number | null) => void;
  targets: number[];
  onTargets: (ids: number[]) => void;
  fieldError: (field: string) => string | null;
}) {
  const { t, i18n } = useTranslation();
  const bodies = useUnitBodies(unitCode);
  const rules = useAskRules();
  const kinds = useQuery({
    queryKey: unitKeys.bodyKinds(),
    queryFn: () => call(client.GET("/api/body-kinds")),
  });
  const kindName = (k: string) =>
    kinds.data?.find((x) => x.kind === k)?.[i18n.language === "en" ? "en" : "vi"] ?? k;
  const items = bodies.data?.items ?? [];
  const issuer = items.find((b) => b.id === issuerBodyId);
  const askable = issuer
    ? items.filter((b) => b.id !== issuer.id && rules.mayAsk(issuer.kind, b.kind, "same"))
    : [];
  // bodies of units below, found unit by unit; their names are kept to show them among the chosen
  const [lowerUnit, setLowerUnit] = useState<string | null>(null);
  const [lowerNames, setLowerNames] = useState<Record<number, string>>({});
  const lower = useUnitBodies(lowerUnit ?? "");
  const lowerAskable = issuer
    ? (lower.data?.items ?? []).filter((b) => rules.mayAsk(issuer.kind, b.kind, "below"))
    : [];
  const lowerIds = new Set(lowerAskable.map((b) => b.id));
  const chosen = [
    ...askable.map((b) => ({ value: String(b.id), label: b.name })),
    ...Object.entries(lowerNames)
      .filter(([id]) => targets.includes(Number(id)))
      .map(([id, name]) => ({ value: id, label: name })),
  ];
  const targetError =
    fieldError("targetBodyIds") ?? targets.map((_, i) => fieldError(`targetBodyIds.${i}`)).find(Boolean);
  return (
    <Stack gap="xs">
      <Group align="start" wrap="wrap">
        <Select
          label={t("reports.issuerBody")}
          withAsterisk
          w={320}
          value={issuerBodyId === null ? null : String(issuerBodyId)}
          onChange={(v) => {
            onIssuerBody(v ? Number(v) : null);
            onTargets([]);
          }}
          data={items.map((b) => ({ value: String(b.id), label: b.name }))}
          error={fieldError("issuerBodyId")}
          data-testid="issuer-body"
        />
        <MultiSelect
          label={t("reports.targetBodies")}
          withAsterisk
          w={460}
          description={
            issuer
              ? t("reports.targetBodiesHint", { kind: kindName(issuer.kind) })
              : t("reports.pickIssuerBody")
          }
          disabled={!issuer}
          searchable
          value={targets.map(String)}
          onChange={(v) => onTargets(v.map(Number))}
          data={chosen}
          error={targetError}
          data-testid="target-bodies"
        />
        {issuer && rules.loaded && askable.length === 0 && (
          <Text size="sm" c="dimmed" maw={360}>
            {t("reports.noAskableBodies")}
          </Text>
        )}
      </Group>
      {issuer && (
        <Group align="start" wrap="wrap">
          <UnitPicker
            label={t("reports.lowerUnit")}
            description={t("reports.lowerUnitHint")}
            value={lowerUnit}
            onChange={(code) => setLowerUnit(code === unitCode ? null : code)}
            within={unitCode}
            w={320}
            data-testid="lower-unit"
          />
          <MultiSelect
            label={t("reports.lowerBodies")}
            w={460}
            disabled={!lowerUnit}
            searchable
            value={targets.filter((id) => lowerIds.has(id)).map(String)}
            onChange={(v) => {
              const picked = v.map(Number);
              setLowerNames((cur) => ({
                ...cur,
                ...Object.fromEntries(
                  lowerAskable.filter((b) => picked.includes(b.id)).map((b) => [b.id, b.name]),
                ),
              }));
              onTargets([...targets.filter((id) => !lowerIds.has(id)), ...picked]);
            }}
            data={lowerAskable.map((b) => ({ value: String(b.id), label: b.name }))}
            data-testid="lower-bodies"
          />
        </Group>
      )}
    </Stack>
  );
}
