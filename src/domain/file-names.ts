// File names sent to people: Vietnamese words without their marks, letters, digits and
// hyphens only, so that a phone, Windows, macOS and a zip tool all keep the name as sent.
import { withoutMarks } from "./text.js";

export function safeFileName(words: string, extension: string, max = 80): string {
  const stem = withoutMarks(words.normalize("NFC"))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, max)
    .replace(/-+$/, "");
  return `${stem || "tep"}.${extension}`;
}
