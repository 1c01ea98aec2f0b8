import { Anchor, Badge, Breadcrumbs, Group, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { LoadError } from "@/components/load-error.tsx";
import { call, client, type Me, type Unit } from "@/lib/api.ts";
import { formatDate, todayIso } from "@/lib/format.ts";
import { unitKeys } from "../api/keys.ts";
import { AsOfPicker } from "./as-of-picker.tsx";
import { BodyList } from "./body-list.tsx";
import { HamletManager } from "./hamlet-manager.tsx";

interface Linked {
  unit: Unit;
  kind: "full" | "partial";
  effectiveDate: string;
}

function UnitLinks({ items, asOf }: { items: Linked[]; asOf: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t("noResults")}</Text>;
  return (
    <Table>
      <Table.Tbody>
        {items.map((l) => (
          <Table.Tr key={l.unit.id}>
            <Table.Td>{l.unit.code}</Table.Td>
            <Table.Td>
              <Link to={`/units/${l.unit.code}?asOf=${l.unit.validTo ?? asOf}`}>{l.unit.fullName}</Link>
            </Table.Td>
            <Table.Td>
              <Badge color={l.kind === "full" ? "green" : "orange"} variant="light">
                {t(l.kind)}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(l.effectiveDate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function UnitPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf") ?? todayIso();
  const detail = useQuery({
    queryKey: unitKeys.detail(code, asOf),
    queryFn: () => call(client.GET("/api/units/{code}", { params: { path: { code }, query: { asOf } } })),
  });
  const children = useQuery({
    queryKey: unitKeys.children(code, asOf),
    queryFn: () =>
      call(client.GET("/api/units/{code}/children", { params: { path: { code }, query: { asOf } } })),
  });
  const bodies = useQuery({
    queryKey: unitKeys.bodies(code, asOf),
    queryFn: () =>
      call(client.GET("/api/units/{code}/bodies", { params: { path: { code }, query: { asOf } } })),
  });
  const succ = useQuery({
    queryKey: unitKeys.successors(code),
    queryFn: () => call(client.GET("/api/units/{code}/successors", { params: { path: { code } } })),
  });
  const pred = useQuery({
    queryKey: unitKeys.predecessors(code, asOf),
    queryFn: () =>
      call(client.GET("/api/units/{code}/predecessors", { params: { path: { code }, query: { asOf } } })),
  });
  if (detail.error) return <LoadError error={detail.error} />;
  const u = detail.data?.unit;
  if (!u) return <Text>…</Text>;
  const hamlets = (children.data?.items ?? []).filter((c) => c.level === "hamlet");
  const canWrite = me.permissions.includes("unit.write") && u.level === "commune" && u.validTo === null;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/units?asOf=${asOf}`}>
          {t("units")}
        </Anchor>
        {detail.data?.path.map((p) => (
          <Anchor key={p.code} component={Link} to={`/units/${p.code}?asOf=${asOf}`}>
            {p.fullName}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2} data-testid="unit-title">
            {u.fullName}
          </Title>
          <Text c="dimmed">
            {t("code")} {u.code} · {u.type} · {t("validFrom")} {formatDate(u.validFrom)}{" "}
            {t("validTo").toLowerCase()} {formatDate(u.validTo)}{" "}
            {u.validTo ? (
              <Badge color="gray">{t("closed")}</Badge>
            ) : (
              <Badge color="green">{t("current")}</Badge>
            )}
          </Text>
        </div>
        <AsOfPicker value={asOf} onChange={(v) => setParams({ asOf: v })} />
      </Group>
      <Tabs defaultValue="children">
        <Tabs.List>
          <Tabs.Tab value="children">
            {t("children")} ({children.data?.items.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="bodies">
            {t("bodies")} ({bodies.data?.items.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="history">{t("history")}</Tabs.Tab>
          <Tabs.Tab value="successors">{t("successors")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="children" pt="md">
          {canWrite ? (
            <HamletManager commune={u.code} hamlets={hamlets} />
          ) : (
            <Table>
              <Table.Tbody>
                {children.data?.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.code}</Table.Td>
                    <Table.Td>
                      <Link to={`/units/${c.code}?asOf=${asOf}`}>{c.fullName}</Link>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="bodies" pt="md">
          <BodyList
            unitCode={u.code}
            bodies={bodies.data?.items ?? []}
            canWrite={me.permissions.includes("body.write") && u.validTo === null}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Stack>
            <Table>
              <Table.Tbody>
                {detail.data?.versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.fullName}</Table.Td>
                    <Table.Td>{v.type}</Table.Td>
                    <Table.Td>
                      {formatDate(v.validFrom)} – {formatDate(v.validTo)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={5}>{t("predecessors")}</Title>
            <UnitLinks items={pred.data?.predecessors ?? []} asOf={asOf} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="successors" pt="md">
          <UnitLinks items={succ.data?.successors.filter((s) => s.unit.id !== u.id) ?? []} asOf={asOf} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
