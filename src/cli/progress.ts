/** Progress bars for long CLI work (plain lines when not on a terminal). @module */
import cliProgress from "cli-progress";
import type { Progress } from "../features/units/units.import.ts";

const LABELS: Record<string, string> = {
  close: "Đóng đơn vị cũ / closing old units",
  insert: "Nạp đơn vị / loading units",
  links: "Liên kết kế thừa / successor links",
};

export function progressBar(): { onProgress: Progress; done(): void } {
  const bar = new cliProgress.SingleBar(
    {
      format: " {label} [{bar}] {percentage}% | {value}/{total}",
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  let step = "";
  return {
    onProgress(s, done, total) {
      if (s !== step) {
        if (step) bar.stop();
        step = s;
        bar.start(Math.max(total, 1), 0, { label: LABELS[s] ?? s });
      }
      bar.update(Math.min(done, Math.max(total, 1)));
    },
    done() {
      if (step) bar.stop();
    },
  };
}
