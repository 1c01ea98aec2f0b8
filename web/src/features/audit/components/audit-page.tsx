import { Code, Pagination, Stack, Table, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WideTable } from "@/components/wide-table.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDateTime } from "@/lib/format.ts";
import { auditKeys } from "../api/keys.ts";

const PAGE = 50;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  /** "model.register" → "Mô hình “Dân vận khéo”: đăng ký (số 12)"; an unknown kind of change says "cập nhật". */
  const actionInWords = (action: string, id: string) => {
    const [entity = "", verb = ""] = action.split(".");
    const what = i18n.exists(`auditEntity.${entity}`) ? t(`auditEntity.${entity}`) : entity;
    const done = i18n.exists(`auditVerb.${verb}`) ? t(`auditVerb.${verb}`) : t("auditVerb.other");
    return `${what}: ${done}${id ? ` (${t("auditRecord", { id })})` : ""}`;
  };
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: auditKeys.page(page),
    queryFn: () =>
      call(client.GET("/api/audit", { params: { query: { limit: PAGE, offset: (page - 1) * PAGE } } })),
  });
  return (
    <Stack>
      <Title order={3}>{t("audit")}</Title>
      <WideTable minWidth={900} label={t("audit")}>
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
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actorName}</Table.Td>
                <Table.Td>{actionInWords(e.action, e.entityId)}</Table.Td>
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
      </WideTable>
      <Pagination
        total={Math.max(1, Math.ceil((q.data?.total ?? 0) / PAGE))}
        value={page}
        onChange={setPage}
        getControlProps={(control) => ({
          "aria-label": t(
            { first: "pageFirst", previous: "pagePrevious", next: "pageNext", last: "pageLast" }[control],
          ),
        })}
      />
    </Stack>
  );
}
