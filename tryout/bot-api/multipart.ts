// multipart/form-data as grammY sends uploads and the try-out page sends files:
// byte for byte (a PNG or a PDF must come out as it went in), text fields as UTF-8.

export interface UploadedFile {
  /** The form field that carried the file (grammY names it after a random attach id). */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface Multipart {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** The boundary named in a Content-Type header, or undefined when it is not multipart. */
export function boundaryOf(contentType: string): string | undefined {
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return undefined;
  const m = contentType.match(/boundary=(?:"([^"]+)"|([^;\s]+))/i);
  return m?.[1] ?? m?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): Multipart {
  const out: Multipart = { fields: {}, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next < 0) break;
    // A part is "\r\n<headers>\r\n\r\n<content>\r\n" between two delimiters.
    const part = body.subarray(afterDelimiter + 2, next - 2);
    const headEnd = part.indexOf("\r\n\r\n");
    if (headEnd >= 0) addPart(out, part.subarray(0, headEnd).toString("utf8"), part.subarray(headEnd + 4));
    start = next;
  }
  return out;
}

function addPart(out: Multipart, head: string, content: Buffer): void {
  const name = head.match(/name="([^"]*)"/i)?.[1];
  if (!name) return;
  const filename = head.match(/filename="([^"]*)"/i)?.[1] ?? head.match(/filename=([^;\r\n]+)/i)?.[1];
  if (filename === undefined) {
    out.fields[name] = content.toString("utf8");
    return;
  }
  const contentType = head.match(/content-type:\s*([^\r\n;]+)/i)?.[1]?.trim() ?? "application/octet-stream";
  out.files.push({ field: name, filename, contentType, bytes: Buffer.from(content) });
}
