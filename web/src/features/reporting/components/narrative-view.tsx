import { Stack, Text } from "@mantine/core";
import { parseNarrative } from "../../../../../src/domain/narrative.ts";

/** A narrative section as text with superscript footnote references and its notes below. */
export function NarrativeView({ text }: { text: string }) {
  const n = parseNarrative(text);
  return (
    <Stack gap={4}>
      {n.paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
        <Text key={i} size="sm" style={{ whiteSpace: "pre-wrap", textAlign: "justify" }}>
          {p.parts.map((x, j) =>
            "ref" in x ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <sup key={j}>{x.ref}</sup>
            ) : (
              x.text
            ),
          )}
        </Text>
      ))}
      {n.footnotes.length > 0 && (
        <Stack gap={0} pt={4} style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
          {n.footnotes.map((f) => (
            <Text key={f.label} size="xs" c="dimmed">
              <sup>{f.label}</sup> {f.text}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
