import { Group, MultiSelect, Select, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAskRules } from "@/features/units/api/ask-rules.ts";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { unitKeys } from "@/features/units/api/keys.ts";
import { call, client } from "@/lib/api.ts";

/**
 * A request addressed to bodies by name: the body that asks (a body of the issuing unit) and the bodies of
 * the same unit it may ask by the rules of who asks whom (the Ban Dân vận asks the UBND, the UBMTTQ and the
 * đoàn thể of its own unit). Bodies the rules do not let it ask are not offered.
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
  const targetError =
    fieldError("targetBodyIds") ?? targets.map((_, i) => fieldError(`targetBodyIds.${i}`)).find(Boolean);
  return (
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
        data={askable.map((b) => ({ value: String(b.id), label: b.name }))}
        error={targetError}
        data-testid="target-bodies"
      />
      {issuer && rules.loaded && askable.length === 0 && (
        <Text size="sm" c="dimmed" maw={360}>
          {t("reports.noAskableBodies")}
        </Text>
      )}
    </Group>
  );
}
