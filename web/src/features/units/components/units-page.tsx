import { Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { call, client, type Unit } from "@/lib/api.ts";
import { formatDate, formatNumber, todayIso } from "@/lib/format.ts";
import { unitKeys } from "../api/keys.ts";
import { AsOfPicker } from "./as-of-picker.tsx";
import { UnitTree } from "./unit-tree.tsx";

export function UnitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const asOf = params.get("asOf") ?? todayIso();
  const level = params.get("level") ?? "";
  const [debounced] = useDebouncedValue(q, 250);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const search = useQuery({
    queryKey: unitKeys.search(debounced, asOf, level),
    enabled: debounced.trim().length > 0,
    queryFn: () =>
      call(
        client.GET("/api/units", {
          params: {
            query: {
              q: debounced,
              asOf,
              level: (level || undefined) as Unit["level"] | undefined,
              limit: 100,
            },
          },
        }),
      ),
  });
  return (
    <Stack>
      <Title order={3}>{t("units")}</Title>
      <Group align="end">
        <TextInput
          label={t("search")}
          placeholder="thap muoi, dak lak…"
          value={q}
          onChange={(e) => set("q", e.currentTarget.value)}
          w={320}
          data-testid="unit-search"
        />
        <Select
          label={t("level")}
          clearable
          value={level || null}
          onChange={(v) => set("level", v ?? "")}
          data={["province", "district", "commune", "hamlet"].map((l) => ({ value: l, label: t(l) }))}
          w={200}
        />
        <AsOfPicker value={asOf} onChange={(v) => set("asOf", v)} />
      </Group>
      {debounced.trim() ? (
        <>
          <Text size="sm" c="dimmed">
            {t("total")}: {formatNumber(search.data?.total ?? 0)}
          </Text>
          <Table striped highlightOnHover data-testid="unit-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("code")}</Table.Th>
                <Table.Th>{t("name")}</Table.Th>
                <Table.Th>{t("level")}</Table.Th>
                <Table.Th>{t("validFrom")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {search.data?.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.code}</Table.Td>
                  <Table.Td>
                    <Link to={`/units/${u.code}?asOf=${asOf}`}>{u.fullName}</Link>
                  </Table.Td>
                  <Table.Td>{t(u.level)}</Table.Td>
                  <Table.Td>{formatDate(u.validFrom)}</Table.Td>
                </Table.Tr>
              ))}
              {search.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t("noResults")}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <UnitTree asOf={asOf} />
      )}
    </Stack>
  );
}
