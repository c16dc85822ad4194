/** Telegram refuses messages over 4096 characters; long lists are sent as several messages, split between lines. */
export const MESSAGE_LIMIT = 4096;

export function splitIntoMessages(lines: string[], limit = MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.length > limit ? `${raw.slice(0, limit - 1)}…` : raw;
    if (current && current.length + 1 + line.length > limit) {
      out.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) out.push(current);
  return out;
}

/** 0.905 → "91%" */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Vietnamese without its marks ("Phó bí thư" → "Pho bi thu"): for words people may type either way, and file names. */
export function withoutMarks(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}
