import { Badge, Card, Group, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { LoadError } from "@/components/load-error.tsx";
import { call, client } from "@/lib/api.ts";
import { modelKeys } from "../api/models.ts";

/** A province's public showcase of "Dân vận khéo" models (no sign-in): the models its units chose to show. */
export function ShowcasePage() {
  const { t } = useTranslation();
  const province = useParams().province ?? "";
  const q = useQuery({
    queryKey: modelKeys.showcase(province),
    queryFn: () => call(client.GET("/api/public/models", { params: { query: { province } } })),
    retry: false,
  });
  if (q.isError) return <LoadError error={q.error} />;
  if (!q.data) return null;
  return (
    <Stack p="md" maw={1100} mx="auto">
      <Title order={3}>{t("models.showcaseTitle")}</Title>
      {q.data.items.length === 0 && <Text>{t("models.showcaseEmpty")}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="showcase">
        {q.data.items.map((m) => (
          <Card key={m.id} withBorder padding="sm">
            {m.photos[0] !== undefined && (
              <Card.Section>
                <Image src={`/api/public/models/photos/${m.photos[0]}`} h={160} alt={m.name} fit="cover" />
              </Card.Section>
            )}
            <Stack gap={4} mt="xs">
              <Text fw={600}>{m.name}</Text>
              <Text size="sm" c="dimmed">
                {m.unitName}
              </Text>
              <Group gap={4}>
                <Badge variant="light">{m.field}</Badge>
                <Badge variant="outline">{t(`models.kinds.${m.kind}`)}</Badge>
              </Group>
              <Text size="sm">{m.results}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
