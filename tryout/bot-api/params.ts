// Reading a Bot API call as Telegram does: its parameters however the bot sent
// them, its text, and its inline keyboard.
import type { IncomingMessage } from "node:http";
import { boundaryOf, parseMultipart, type UploadedFile } from "./multipart.js";
import { apiError, type InlineButton, type Json } from "./types.js";

export function requireText(text: unknown): string {
  const s = String(text ?? "");
  if (s.trim() === "") throw apiError(400, "Bad Request: message text is empty");
  if (s.length > 4096) throw apiError(400, "Bad Request: message is too long");
  return s;
}

export function keyboardOf(markup: unknown): InlineButton[][] {
  const m = typeof markup === "string" ? JSON.parse(markup) : markup;
  return (m as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard ?? [];
}

/** The parameters of a call, however the bot sent them (JSON, form fields or multipart with files). */
export async function readParams(req: IncomingMessage): Promise<{ params: Json; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return { params: {}, files: [] };
  if (type.includes("application/json")) return { params: JSON.parse(body.toString("utf8")), files: [] };
  const boundary = boundaryOf(type);
  if (boundary === undefined) return { params: Object.fromEntries(new URLSearchParams(body.toString("utf8"))), files: [] };
  const { fields, files } = parseMultipart(body, boundary);
  const params: Json = { ...fields };
  for (const f of files) params[f.field] = `upload:${f.filename}`;
  // grammY sends a file as a part of its own and names it in the field: "attach://<part>".
  for (const [key, v] of Object.entries(params)) {
    if (typeof v === "string" && v.startsWith("attach://")) params[key] = params[v.slice("attach://".length)];
  }
  for (const [key, v] of Object.entries(params)) {
    if (typeof v !== "string" || !/^[[{]/.test(v)) continue;
    try {
      params[key] = JSON.parse(v);
    } catch {
      /* a plain string that starts with a bracket */
    }
  }
  return { params, files };
}
