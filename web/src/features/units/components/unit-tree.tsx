import { Badge, Box, Group, Loader, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { call, client, type Unit } from "@/lib/api.ts";
import { formatNumber } from "@/lib/format.ts";
import { unitKeys } from "../api/keys.ts";

/** A lazily expanding tree: provinces, then each unit's children as of the date. */
export function UnitTree({ asOf, parent }: { asOf: string; parent?: string }) {
  const q = useQuery({
    queryKey: unitKeys.tree(parent, asOf),
    queryFn: () =>
      parent
        ? call(
            client.GET("/api/units/{code}/children", { params: { path: { code: parent }, query: { asOf } } }),
          )
        : call(client.GET("/api/units", { params: { query: { level: "province", limit: 100, asOf } } })),
  });
  if (q.isLoading) return <Loader size="xs" />;
  return (
    <Box pl={parent ? "md" : 0}>
      {q.data?.items.map((u) => (
        <TreeNode key={u.id} unit={u} asOf={asOf} />
      ))}
    </Box>
  );
}

function TreeNode({ unit, asOf }: { unit: Unit; asOf: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const hasChildren = (unit.childCount ?? 0) > 0;
  return (
    <Box>
      <Group gap={4} wrap="nowrap">
        <UnstyledButton
          w={20}
          onClick={() => setOpen((o) => !o)}
          disabled={!hasChildren}
          aria-label={t(open ? "collapseUnit" : "expandUnit", { name: unit.fullName ?? unit.name })}
        >
          {hasChildren ? (open ? "▾" : "▸") : "·"}
        </UnstyledButton>
        <Link to={`/units/${unit.code}?asOf=${asOf}`}>{unit.fullName}</Link>
        {hasChildren && (
          <Badge size="xs" variant="light">
            {formatNumber(unit.childCount ?? 0)}
          </Badge>
        )}
      </Group>
      {open && <UnitTree asOf={asOf} parent={unit.code} />}
    </Box>
  );
}
