import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { usePlans } from "@/features/plans/api/plans.ts";
import type { CitedDocument } from "@/features/registry/api/cited.ts";
import { formatDate } from "@/lib/format.ts";

/**
 * What a request cites: its công văn (found in the issuer's registry by its number, so every answer opens by
 * citing it), the plan it reports on (Kế hoạch số 53-KH/HU), and the day it went out when it is entered after
 * the fact (a paper công văn); the issuer is checked as it was that day.
 */
export function RequestCites(props: {
  issuer: string | null;
  referenceNo: string;
  onReferenceNo: (v: string) => void;
  cited: CitedDocument | null;
  planId: number | null;
  onPlan: (id: number | null) => void;
  issuedOn: string | null;
  onIssuedOn: (iso: string | null) => void;
  fieldError: (field: string) => string | null;
}) {
  const { t } = useTranslation();
  const plans = usePlans(props.issuer ?? "");
  return (
    <>
      <TextInput
        label={t("reports.referenceNo")}
        description={
          props.cited
            ? t("reports.citedFound", {
                date: formatDate(props.cited.issuedOn),
                excerpt: props.cited.excerpt,
              })
            : t("reports.referenceNoHint")
        }
        placeholder="113-CV/BDVHU"
        value={props.referenceNo}
        onChange={(e) => props.onReferenceNo(e.currentTarget.value)}
        w={320}
        error={props.fieldError("referenceNo") ?? props.fieldError("citedDocumentId")}
      />
      <Select
        label={t("reports.plan")}
        description={t("reports.planHint")}
        clearable
        searchable
        w={320}
        value={props.planId === null ? null : String(props.planId)}
        onChange={(v) => props.onPlan(v ? Number(v) : null)}
        // a plan added meanwhile (on the plans page, in another tab) is offered too
        onDropdownOpen={() => void plans.refetch()}
        data={(plans.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.title }))}
        error={props.fieldError("planId")}
        data-testid="request-plan"
      />
      <DateField
        label={t("reports.issuedOn")}
        description={t("reports.issuedOnHint")}
        clearable
        value={props.issuedOn}
        onChange={props.onIssuedOn}
        w={200}
        error={props.fieldError("issuedOn")}
        data-testid="request-issued-on"
      />
    </>
  );
}
