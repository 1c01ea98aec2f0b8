import { useEffect, useRef, useState } from "react";

/**
 * A long form's draft kept in this browser until it is saved, so that a closed tab, a lost connection or a
 * slip of the mouse loses nothing typed. Drafts are per user and per form ("model:30037:2026"); logging out
 * removes them all, so the next person at a shared office computer does not find them.
 */
const PREFIX = "danvan.draft.";

type Stored<T> = { savedAt: string; value: T };

const keyOf = (user: number | string, form: string) => `${PREFIX}${user}.${form}`;

/** Removes every draft kept in this browser (at logout). */
export function clearLocalDrafts() {
  for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
}

function read<T>(key: string): Stored<T> | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Stored<T>;
    return typeof parsed?.savedAt === "string" && parsed.value !== undefined ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Keeps `value` as the draft of `form` while `dirty` (half a second after the last change), and hands a kept
 * draft to `restore` once, when the form opens. `restoredAt` says when the restored draft was kept; `clear`
 * forgets it (after saving, or when the user discards it).
 */
export function useLocalDraft<T>(opts: {
  user: number | string | undefined;
  form: string;
  value: T;
  dirty: boolean;
  restore: (value: T) => void;
}) {
  const key = opts.user === undefined ? null : keyOf(opts.user, opts.form);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const restore = useRef(opts.restore);
  restore.current = opts.restore;
  const loaded = useRef<string | null>(null);
  // a write still waiting when the draft is cleared (saved or discarded) must not bring it back
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const clearedAt = useRef<T | undefined>(undefined);
  useEffect(() => {
    if (!key || loaded.current === key) return;
    loaded.current = key;
    const kept = read<T>(key);
    if (kept) {
      restore.current(kept.value);
      setRestoredAt(kept.savedAt);
    }
  }, [key]);
  useEffect(() => {
    if (!key || !opts.dirty || loaded.current !== key || clearedAt.current === opts.value) return;
    clearedAt.current = undefined;
    pending.current = setTimeout(() => {
      try {
        localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value: opts.value }));
      } catch {
        // a full storage keeps the form as it is on screen; nothing else to do
      }
    }, 500);
    return () => clearTimeout(pending.current);
  }, [key, opts.dirty, opts.value]);
  return {
    restoredAt,
    clear: () => {
      clearTimeout(pending.current);
      // kept off until the form changes again
      clearedAt.current = opts.value;
      if (key) localStorage.removeItem(key);
      setRestoredAt(null);
    },
  };
}
