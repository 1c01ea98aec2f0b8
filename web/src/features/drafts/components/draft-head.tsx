import { issuingAuthorityLine } from "@domain/document-templates.ts";
import { SECRECY_MARKS, URGENCY_MARKS } from "@domain/official-document.ts";
import { Group, Select, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { lines } from "@/features/documents/components/signature-fields.tsx";
import type { AnswerOf } from "@/lib/api.ts";
import type { Draft } from "../api/drafts.ts";

/** A draft as the page holds it while it is typed: list fields as text, one line each. */
export interface DraftForm {
  excerpt: string;
  draftingUnit: string;
  addressees: string;
  grounds: string;
  /** a State decision's issuing authority; empty: derived from the signature block */
  authorityLine: string;
  sections: Draft["sections"];
  tasks: Draft["tasks"];
  recipients: string;
  authority: string;
  signer: string;
  secrecy: Draft["secrecy"];
  urgency: Draft["urgency"];
}
type Template = AnswerOf<"/api/bodies/{id}/document-templates", "get">["items"][number];
interface Props {
  form: DraftForm;
  edit: (patch: Partial<DraftForm>) => void;
  editable: boolean;
}

/**
 * What stands before a document's text, by its kind: the excerpt (trích yếu), a State công văn's drafting unit
 * (VP in 1246/UBND-VP), whom a công văn is sent to ("Kính gửi"), a decision's legal grounds (căn cứ).
 */
export function HeadFields(
  props: Props & {
    template: Template | undefined;
    bodyName: string;
    fieldError: (field: string) => string | null;
  },
) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t("drafts.excerpt")}
        description={
          props.template?.excerptLead
            ? t("drafts.excerptLead", { lead: props.template.excerptLead.trim() })
            : undefined
        }
        value={props.form.excerpt}
        onChange={(e) => props.edit({ excerpt: e.currentTarget.value })}
        readOnly={!props.editable}
        maxLength={1000}
        error={props.fieldError("excerpt")}
        data-testid="draft-excerpt-edit"
      />
      {props.template?.typeCode === null && (
        <TextInput
          label={t("drafts.draftingUnit")}
          description={t("drafts.draftingUnitHint")}
          value={props.form.draftingUnit}
          onChange={(e) => props.edit({ draftingUnit: e.currentTarget.value })}
          readOnly={!props.editable}
          maxLength={20}
          w={240}
          error={props.fieldError("draftingUnit")}
          data-testid="draft-drafting-unit"
        />
      )}
      {props.template?.addressees && (
        <Textarea
          label={t("drafts.addressees")}
          description={t("drafts.linesHint")}
          value={props.form.addressees}
          onChange={(e) => props.edit({ addressees: e.currentTarget.value })}
          readOnly={!props.editable}
          autosize
          minRows={2}
          data-testid="draft-addressees"
        />
      )}
      {props.template?.authorityLine && (
        <TextInput
          label={t("drafts.authorityLine")}
          description={t("drafts.authorityLineHint", {
            line: issuingAuthorityLine(props.bodyName, lines(props.form.authority)),
          })}
          value={props.form.authorityLine}
          onChange={(e) => props.edit({ authorityLine: e.currentTarget.value })}
          readOnly={!props.editable}
          maxLength={300}
          error={props.fieldError("authorityLine")}
          data-testid="draft-authority-line"
        />
      )}
      {props.template?.grounds && (
        <Textarea
          label={t("drafts.grounds")}
          description={t("drafts.groundsHint")}
          value={props.form.grounds}
          onChange={(e) => props.edit({ grounds: e.currentTarget.value })}
          readOnly={!props.editable}
          autosize
          minRows={2}
          data-testid="draft-grounds"
        />
      )}
    </>
  );
}

/** Độ mật and độ khẩn, printed under the number. */
export function MarksFields(props: Props) {
  const { t } = useTranslation();
  return (
    <Group>
      <Select
        label={t("documents.secrecy")}
        data={[...SECRECY_MARKS]}
        value={props.form.secrecy}
        onChange={(v) => props.edit({ secrecy: v as DraftForm["secrecy"] })}
        clearable
        readOnly={!props.editable}
        w={160}
      />
      <Select
        label={t("documents.urgency")}
        data={[...URGENCY_MARKS]}
        value={props.form.urgency}
        onChange={(v) => props.edit({ urgency: v as DraftForm["urgency"] })}
        clearable
        readOnly={!props.editable}
        w={160}
      />
    </Group>
  );
}
