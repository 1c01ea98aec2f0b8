import { Anchor, Group, Switch } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { receptionKeys } from "../api/reception.ts";

/** The unit's reception schedule on the public page, on or off (off until turned on), with the page's link. */
export function PublishSwitch({ unit, published }: { unit: string; published: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const set = useMutation({
    mutationFn: (on: boolean) =>
      call(client.PUT("/api/reception/publication", { body: { unitCode: unit, published: on } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: receptionKeys.all() }),
    onError,
  });
  return (
    <Group>
      <Switch
        label={t("reception.publish")}
        checked={published}
        disabled={set.isPending}
        onChange={(e) => set.mutate(e.currentTarget.checked)}
        error={error}
        data-testid="reception-publish"
      />
      {published && (
        <Anchor
          href={`/public/reception/${unit}`}
          target="_blank"
          size="sm"
          data-testid="reception-public-link"
        >
          {t("reception.publicLink")}
        </Anchor>
      )}
    </Group>
  );
}
