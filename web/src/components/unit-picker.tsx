import { Select, type SelectProps, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { unitKeys } from "@/features/units/api/keys.ts";
import { call, client } from "../lib/api.ts";
import type { components, paths } from "../lib/api-types.ts";

type Found = components["schemas"]["UnitFound"];
type Level = Found["level"];
/** What the picker is for: it offers the units where the user holds this permission. */
type Permission = NonNullable<NonNullable<paths["/api/units"]["get"]["parameters"]["query"]>["for"]>;

/** One option: the unit's name, and under it its type and the unit above it ("Xã — Tỉnh Đồng Tháp"). */
interface Option {
  value: string;
  label: string;
  /** Under the name in the list: the unit above and the code. */
  detail: string;
  /** The unit above, if any. */
  above?: string | undefined;
  level: Level;
}

const optionOf = (u: Found): Option => {
  const above = u.parentName ?? (u.provinceCode !== u.code ? u.provinceName : null) ?? undefined;
  return {
    value: u.code,
    label: u.fullName,
    level: u.level,
    above,
    detail: [above, u.code].filter(Boolean).join(" · "),
  };
};

/**
 * Chooses a unit by its name, accents optional ("thap muoi" finds Xã Tháp Mười), among the units where the
 * user may do what the picker is for (`permission`), optionally of one level or within one unit; each option
 * says what is above it, the code only as a detail. The value is the unit's code.
 */
export function UnitPicker({
  value,
  onChange,
  permission,
  level,
  within,
  asOf,
  onLevel,
  ...rest
}: Omit<SelectProps, "value" | "onChange" | "data" | "searchable"> & {
  value: string | null;
  onChange: (code: string | null, unit: { name: string; level: Level } | null) => void;
  permission?: Permission;
  level?: Level;
  within?: string;
  asOf?: string;
  /** Told the chosen unit's level, also for a code the picker was given. */
  onLevel?: (level: Level) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<Option | null>(null);
  const params = { limit: 30, for: permission, level, within, asOf };
  // the chosen unit's own name, when the picker opens on a code it was given
  const current = useQuery({
    queryKey: unitKeys.one(value, asOf ?? null),
    queryFn: () =>
      call(client.GET("/api/units/{code}", { params: { path: { code: value ?? "" }, query: { asOf } } })),
    enabled: Boolean(value) && chosen?.value !== value,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const typed = debounced.trim();
  const selectedLabel = value && chosen?.value === value ? chosen.label : null;
  const found = useQuery({
    queryKey: unitKeys.pick(params, typed === selectedLabel ? "" : typed),
    queryFn: () => {
      const q = typed && typed !== selectedLabel ? typed : undefined;
      return call(client.GET("/api/units", { params: { query: { ...params, q } } }));
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list = (found.data?.items ?? []).map(optionOf);
    const own = current.data?.unit.code === value ? current.data : null;
    const above = own?.path.at(-2);
    const mine =
      chosen?.value === value
        ? chosen
        : own
          ? {
              value: own.unit.code,
              label: own.unit.fullName,
              level: own.unit.level,
              above: above?.fullName,
              detail: [above?.fullName, own.unit.code].filter(Boolean).join(" · "),
            }
          : null;
    return mine && !list.some((o) => o.value === mine.value) ? [mine, ...list] : list;
  }, [found.data, current.data, chosen, value]);
  const byValue = new Map(options.map((o) => [o.value, o]));
  const knownLevel = value ? byValue.get(value)?.level : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: told once per unit, not per render of the parent
  useEffect(() => {
    if (knownLevel && onLevel) onLevel(knownLevel);
  }, [knownLevel, value]);
  return (
    <Select
      {...rest}
      searchable
      clearable={rest.clearable ?? true}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      // the server found them by name, accents optional: show what it found
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t("searching") : t("noResults")}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {byValue.get(option.value)?.detail}
          </Text>
        </Stack>
      )}
      onChange={(code) => {
        const o = code ? (byValue.get(code) ?? null) : null;
        setChosen(o);
        onChange(code, o ? { name: o.label, level: o.level } : null);
      }}
      // under the label, the unit above the chosen one ("Tỉnh Đồng Tháp"): the name says which it is
      description={rest.description ?? (value ? byValue.get(value)?.above : undefined)}
    />
  );
}

/** Today's unit of `code`, read once and kept (its name does not change under a page). */
const unitToday = (code: string) => ({
  queryKey: unitKeys.one(code),
  queryFn: () => call(client.GET("/api/units/{code}", { params: { path: { code } } })),
  staleTime: Number.POSITIVE_INFINITY,
});

/** A unit's full name for a title or a line ("Xã Tháp Mười"); its code only until the name has arrived. */
export function useUnitName(code: string | null | undefined): string {
  const unit = useQuery({ ...unitToday(code ?? ""), enabled: Boolean(code) });
  return unit.data?.unit.fullName ?? code ?? "";
}

/** The full names of several units, in the same order; each its code until its name has arrived. */
export function useUnitNames(codes: readonly string[]): string[] {
  return useQueries({ queries: codes.map(unitToday) }).map((q, i) => q.data?.unit.fullName ?? codes[i] ?? "");
}
