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

/** Vietnamese without its marks ("Phó bí thư" → "Pho bi thu"): for words people may type either way, and file names. */
export function withoutMarks(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/**
 * What XML 1.0, and so an .xlsx file, cannot hold: C0 control characters but tab, LF and CR;
 * halves of a surrogate pair; U+FFFE and U+FFFF. One such character in one cell and Excel
 * refuses the whole workbook.
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is looked for
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
/** Also never meant in typed text: DEL and the C1 controls (XML allows them, nothing shows them). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
/** Direction overrides and isolates: they reorder what is shown, so a name could read as another. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/** Letters, digits, punctuation, symbols; not the blank "letters" (Hangul fillers, braille blank). */
const VISIBLE = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** The text with what XML forbids taken out: for every string written into a workbook. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

export function hasControlCharacters(text: string): boolean {
  return new RegExp(CONTROL.source, "u").test(text);
}

/** How many characters of the text a reader sees (not spaces, zero-width or format characters). */
export function visibleLength(text: string): number {
  let n = 0;
  for (const ch of text) if (VISIBLE.test(ch)) n++;
  return n;
}

/**
 * Free text typed into a form (notes, reasons, places, names of people, minutes): control
 * characters, which come from pasting and show as nothing, are taken out rather than refused
 * (the person could not see what to remove), and the rest is trimmed. Empty when nothing
 * visible is left: a note of zero-width spaces is no note.
 */
export function cleanTypedText(raw: string): string {
  const text = raw.replace(CONTROL, "").trim();
  return visibleLength(text) > 0 ? text : "";
}

export function hasDirectionControls(text: string): boolean {
  return BIDI.test(text);
}
