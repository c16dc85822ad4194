// Text in the chart's SVG: escaped for XML, and measured without a font engine, so that
// labels can be cut to fit and the legend laid out before anything is drawn.

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

// Approximate advance widths of Roboto, in em, by base letter (diacritics do not widen a letter).
const NARROW = new Set([..." .,:;·'|!iIjlf()[]-/"]);
const SLIGHT = new Set([..."rt1"]);
const WIDE = new Set([..."mwMW"]);

/** Estimated width in pixels of `text` set in Roboto at `size` px (errs slightly wide). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    const base = ch.normalize("NFD")[0] ?? ch;
    if (NARROW.has(base)) em += 0.27;
    else if (SLIGHT.has(base)) em += 0.37;
    else if (WIDE.has(base)) em += 0.88;
    else if (base === "…") em += 0.8;
    else if (base >= "A" && base <= "Z") em += 0.66;
    else if (base === "Đ" || base === "Ơ" || base === "Ư") em += 0.7;
    else em += 0.56;
  }
  return em * size;
}

/** Shortens text to fit `px` pixels at `size` px, ending it with "…" when cut. */
export function fitText(text: string, px: number, size: number): string {
  const t = text.normalize("NFC");
  if (textWidth(t, size) <= px) return t;
  const chars = [...t];
  let n = chars.length;
  while (n > 0 && textWidth(`${chars.slice(0, n).join("").trimEnd()}…`, size) > px) n--;
  return `${chars.slice(0, n).join("").trimEnd()}…`;
}
