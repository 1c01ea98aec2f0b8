import { Code, Pagination, Stack, Table, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditEntry, api } from "../../../lib/api.ts";

const PAGE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ["audit", page],
    queryFn: () =>
      api<{ total: number; items: AuditEntry[] }>(
        "GET",
        `/api/audit?limit=${PAGE}&offset=${(page - 1) * PAGE}`,
      ),
  });
  const fmt = (iso: string) => new Date(iso).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
  return (
    <Stack>
      <Title order={3}>{t("audit")}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("when")}</Table.Th>
            <Table.Th>{t("who")}</Table.Th>
            <Table.Th>{t("action")}</Table.Th>
            <Table.Th>{t("before")}</Table.Th>
            <Table.Th>{t("after")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{fmt(e.at)}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>
                {e.action} {e.entityId}
              </Table.Td>
              <Table.Td>
                {e.before ? <Code block>{JSON.stringify(e.before, null, 1).slice(0, 300)}</Code> : "—"}
              </Table.Td>
              <Table.Td>
                {e.after ? <Code block>{JSON.stringify(e.after, null, 1).slice(0, 300)}</Code> : "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pagination
        total={Math.max(1, Math.ceil((q.data?.total ?? 0) / PAGE))}
        value={page}
        onChange={setPage}
      />
    </Stack>
  );
}
