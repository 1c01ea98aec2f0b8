import { Button, Group, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { toggleLanguage } from "@/lib/i18n.ts";

/** The heading of a page citizens open without signing in, with the switch to the other language. */
export function PublicHeading({ title, order = 2 }: { title: string; order?: 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" align="start">
      <Title order={order} size="h2">
        {title}
      </Title>
      <Button variant="subtle" size="xs" onClick={toggleLanguage} style={{ flexShrink: 0 }}>
        {t("language")}
      </Button>
    </Group>
  );
}
