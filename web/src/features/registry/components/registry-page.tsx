import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { describeFailure } from "@/lib/use-api-error.ts";
import { registryKeys } from "../api/keys.ts";
import { AddDocument } from "./add-document-modal.tsx";
import { DocumentModal } from "./document-modal.tsx";

/**
 * Sổ văn bản: the documents a unit (or a whole province) received and issued, searched without accents;
 * register a document, see and add its relations, attach files.
 */
export function RegistryPage({ defaultUnit, canRegister }: { defaultUnit: string; canRegister: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // ?unit=…&doc=… opens a document (as linked from a numbered report)
  const [params] = useSearchParams();
  const [unit, setUnit] = useState(params.get("unit") ?? defaultUnit);
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState<number | null>(Number(params.get("doc")) || null);
  const [adding, setAdding] = useState(false);
  const { i18n } = useTranslation();
  const list = useQuery({
    queryKey: registryKeys.list(unit, search),
    queryFn: () => call(client.GET("/api/registry", { params: { query: { unit, q: search, limit: 100 } } })),
    enabled: /^\d{2}(\d{1,3})?$/.test(unit),
  });
  return (
    <Stack>
      <Title order={3}>{t("registry.title")}</Title>
      {list.error && <Alert color="red">{describeFailure(list.error, i18n.language)}</Alert>}
      {!unit && <Alert data-testid="registry-pick-unit">{t("registry.pickUnit")}</Alert>}
      <Group align="end">
        <UnitPicker
          label={t("documents.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code) => code && setUnit(code)}
          w={320}
          data-testid="registry-unit"
        />
        <TextInput
          label={t("registry.search")}
          placeholder={t("registry.searchHint")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => e.key === "Enter" && setSearch(q)}
          w={420}
          data-testid="registry-search"
        />
        <Button variant="light" onClick={() => setSearch(q)}>
          {t("registry.find")}
        </Button>
        {canRegister && <Button onClick={() => setAdding(true)}>{t("registry.add")}</Button>}
      </Group>
      <WideTable minWidth={800} label={t("registry.title")}>
        <Table striped highlightOnHover data-testid="registry-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("documents.symbol")}</Table.Th>
              <Table.Th>{t("registry.date")}</Table.Th>
              <Table.Th>{t("registry.issuer")}</Table.Th>
              <Table.Th>{t("documents.excerpt")}</Table.Th>
              <Table.Th>{t("registry.direction")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  {search ? (
                    t("registry.noneFound", { q: search })
                  ) : (
                    <Group gap="xs">
                      <Text size="sm">{t("registry.empty")}</Text>
                      {canRegister && (
                        <Button size="xs" variant="light" onClick={() => setAdding(true)}>
                          {t("registry.addFirst")}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
            {list.data?.items.map((d) => (
              <Table.Tr key={d.id} onClick={() => setOpen(d.id)} style={{ cursor: "pointer" }}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{d.numberSymbol || "—"}</Table.Td>
                <Table.Td>{formatDate(d.issuedOn)}</Table.Td>
                <Table.Td>{d.issuerName}</Table.Td>
                <Table.Td>{d.excerpt}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={d.direction === "incoming" ? "blue" : "grape"}>
                    {t(`registry.directions.${d.direction}`)}
                  </Badge>
                  {d.withdrawn && (
                    <Badge variant="light" color="red" ml={4} title={d.withdrawn.reason}>
                      {t("registry.withdrawn")}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {adding && (
        <AddDocument
          unit={unit}
          onClose={() => setAdding(false)}
          onAdded={async () => {
            setAdding(false);
            await qc.invalidateQueries({ queryKey: registryKeys.all() });
          }}
        />
      )}
      {open !== null && (
        <DocumentModal id={open} unit={unit} canRegister={canRegister} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
