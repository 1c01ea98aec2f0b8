import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { api, upload } from "@/lib/api.ts";
import type { paths } from "@/lib/api-types.ts";
import { formatDate, formatNumber, todayIso } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { describeFailure, useApiError } from "@/lib/use-api-error.ts";

type List = paths["/api/registry"]["get"]["responses"]["200"]["content"]["application/json"];
type Detail = paths["/api/registry/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
const KINDS = ["implements", "replaces", "amends", "guides", "reports_on", "requested_by"] as const;

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
    queryKey: ["registry", unit, search],
    queryFn: () =>
      api<List>(
        "GET",
        `/api/registry?unit=${encodeURIComponent(unit)}&q=${encodeURIComponent(search)}&limit=100`,
      ),
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
            await qc.invalidateQueries({ queryKey: ["registry"] });
          }}
        />
      )}
      {open !== null && (
        <DocumentModal id={open} unit={unit} canRegister={canRegister} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}

const emptyEntry = () => ({
  direction: "incoming",
  numberSymbol: "",
  issuerName: "",
  issuedOn: todayIso() as string,
  excerpt: "",
  bodyText: "",
});

function AddDocument(props: { unit: string; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { error, onError, fieldError } = useApiError();
  const [initial] = useState(emptyEntry);
  const [form, setForm] = useState(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const add = useMutation({
    mutationFn: () => api("POST", "/api/registry", { unitCode: props.unit, ...form }),
    onSuccess: () => {
      confirmDone(
        t("registry.added", { what: form.numberSymbol.trim() || form.excerpt.trim().slice(0, 60) }),
      );
      props.onAdded();
    },
    onError,
  });
  const missing = [
    ...(!form.issuerName.trim() ? [t("registry.needIssuer")] : []),
    ...(!form.excerpt.trim() ? [t("registry.needExcerpt")] : []),
  ];
  return (
    <GuardedModal opened dirty={dirty} onClose={props.onClose} title={t("registry.add")} size="lg">
      {(close) => (
        <Stack>
          <Group grow align="flex-start">
            <Select
              label={t("registry.direction")}
              data={["incoming", "outgoing"].map((v) => ({ value: v, label: t(`registry.directions.${v}`) }))}
              value={form.direction}
              onChange={(v) => setForm({ ...form, direction: v ?? "incoming" })}
            />
            <TextInput
              label={t("documents.symbol")}
              placeholder="53-KH/HU"
              value={form.numberSymbol}
              onChange={(e) => setForm({ ...form, numberSymbol: e.currentTarget.value })}
              error={fieldError("numberSymbol")}
              data-testid="registry-number"
            />
            <DateField
              label={t("registry.date")}
              withAsterisk
              value={form.issuedOn}
              onChange={(v) => setForm({ ...form, issuedOn: v ?? todayIso() })}
              error={fieldError("issuedOn")}
            />
          </Group>
          <TextInput
            label={t("registry.issuer")}
            withAsterisk
            value={form.issuerName}
            onChange={(e) => setForm({ ...form, issuerName: e.currentTarget.value })}
            error={fieldError("issuerName")}
            data-testid="registry-issuer"
          />
          <Textarea
            label={t("documents.excerpt")}
            withAsterisk
            value={form.excerpt}
            onChange={(e) => setForm({ ...form, excerpt: e.currentTarget.value })}
            error={fieldError("excerpt")}
            autosize
            minRows={2}
            data-testid="registry-excerpt"
          />
          <Textarea
            label={t("registry.text")}
            value={form.bodyText}
            onChange={(e) => setForm({ ...form, bodyText: e.currentTarget.value })}
            error={fieldError("bodyText")}
            autosize
            minRows={3}
          />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("registry.save")}
            onAction={() => add.mutate()}
            busy={add.isPending}
            missing={missing}
            onCancel={close}
          />
        </Stack>
      )}
    </GuardedModal>
  );
}

function DocumentModal(props: { id: number; unit: string; canRegister: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const d = useQuery({
    queryKey: ["registry-doc", props.id],
    queryFn: () => api<Detail>("GET", `/api/registry/${props.id}`),
  });
  const [kind, setKind] = useState<string>("implements");
  const [target, setTarget] = useState("");
  const candidates = useQuery({
    queryKey: ["registry", props.unit, target, "pick"],
    queryFn: () =>
      api<List>("GET", `/api/registry?unit=${props.unit}&q=${encodeURIComponent(target)}&limit=20`),
    enabled: target.trim().length >= 2,
  });
  const refresh = async () => {
    clear();
    await qc.invalidateQueries({ queryKey: ["registry-doc", props.id] });
  };
  const relate = useMutation({
    mutationFn: (toId: number) => api("POST", `/api/registry/${props.id}/relations`, { toId, kind }),
    onSuccess: refresh,
    onError,
  });
  const attach = useMutation({
    mutationFn: (file: File) =>
      upload(`/api/registry/${props.id}/attachments?filename=${encodeURIComponent(file.name)}`, file),
    onSuccess: refresh,
    onError,
  });
  const doc = d.data;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={doc ? doc.numberSymbol || doc.excerpt.slice(0, 60) : ""}
      size="xl"
    >
      {doc && (
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Text>
            <b>{doc.issuerName}</b> · {formatDate(doc.issuedOn)}
          </Text>
          <Text>{doc.excerpt}</Text>
          {doc.bodyText && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {doc.bodyText}
            </Text>
          )}
          <Title order={5}>{t("registry.relations")}</Title>
          <Stack gap={4} data-testid="registry-relations">
            {doc.relations.map((r) => (
              <Text key={`o${r.kind}${r.id}`} size="sm">
                {t(`registry.kinds.${r.kind}`)} <b>{r.numberSymbol || r.excerpt.slice(0, 60)}</b> (
                {r.issuerName}, {formatDate(r.issuedOn)})
              </Text>
            ))}
            {doc.relatedBy.map((r) => (
              <Text key={`i${r.kind}${r.id}`} size="sm">
                {t(`registry.inverse.${r.kind}`)} <b>{r.numberSymbol || r.excerpt.slice(0, 60)}</b> (
                {r.issuerName}, {formatDate(r.issuedOn)})
              </Text>
            ))}
            {doc.relations.length + doc.relatedBy.length === 0 && (
              <Text size="sm">{t("registry.noRelations")}</Text>
            )}
          </Stack>
          {props.canRegister && (
            <Group align="end">
              <Select
                label={t("registry.relation")}
                data={KINDS.map((k) => ({ value: k, label: t(`registry.kinds.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v ?? "implements")}
                w={200}
              />
              <TextInput
                label={t("registry.otherDocument")}
                placeholder="01-NQ/TU"
                value={target}
                onChange={(e) => setTarget(e.currentTarget.value)}
                w={260}
              />
            </Group>
          )}
          {props.canRegister &&
            candidates.data?.items
              .filter((c) => c.id !== doc.id)
              .slice(0, 6)
              .map((c) => (
                <Group key={c.id} gap="xs">
                  <Button size="xs" variant="light" onClick={() => relate.mutate(c.id)}>
                    {t("registry.link")}
                  </Button>
                  <Text size="sm">
                    {c.numberSymbol || "—"} · {c.excerpt.slice(0, 90)}
                  </Text>
                </Group>
              ))}
          <Title order={5}>{t("registry.attachments")}</Title>
          {doc.attachments.map((a) => (
            <Text key={a.id} size="sm">
              <a href={`/api/registry/attachments/${a.id}`}>{a.filename}</a> (
              {formatNumber(Math.ceil(a.size / 1024))} KB)
            </Text>
          ))}
          {props.canRegister && (
            <input
              type="file"
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) attach.mutate(f);
              }}
            />
          )}
        </Stack>
      )}
    </Modal>
  );
}
