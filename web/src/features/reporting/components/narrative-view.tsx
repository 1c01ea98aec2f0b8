import { parseNarrative } from "@domain/narrative.ts";
import { Stack, Text } from "@mantine/core";

/** A narrative section as it reads: paragraphs, "- " items, bold and italics, footnote marks and their notes. */
export function NarrativeView({ text }: { text: string }) {
  const n = parseNarrative(text);
  const numbers = new Map(n.footnotes.map((f, i) => [f.label, i + 1]));
  return (
    <Stack gap={4}>
      {n.paragraphs.map((p, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
          key={i}
          size="sm"
          style={{ whiteSpace: "pre-wrap", textAlign: "justify" }}
          pl={p.item ? "md" : 0}
        >
          {p.item ? "- " : ""}
          {p.parts.map((x, j) =>
            "ref" in x ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <sup key={j}>{numbers.get(x.ref) ?? x.ref}</sup>
            ) : (
              <Text
                // biome-ignore lint/suspicious/noArrayIndexKey: as above
                key={j}
                span
                inherit
                fw={x.bold ? 700 : undefined}
                fs={x.italic ? "italic" : undefined}
              >
                {x.text}
              </Text>
            ),
          )}
        </Text>
      ))}
      {n.footnotes.length > 0 && (
        <Stack gap={0} pt={4} style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
          {n.footnotes.map((f, i) => (
            <Text key={f.label} size="xs" c="dimmed">
              <sup>{i + 1}</sup> {f.text}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
