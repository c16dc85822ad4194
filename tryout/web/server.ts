// The page's own HTTP server on 127.0.0.1: its three static files and the small
// JSON API of tryout/web/api.ts. Only this machine's browser talks to it, and
// a page of another site cannot: the Host must be ours (no DNS rebinding) and a
// POST must say it is JSON or multipart (no plain form posted across sites).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Tryout } from "../runtime.js";
import { Api, ApiError } from "./api.js";

const PUBLIC = new URL("./public/", import.meta.url);
const STATIC: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/view.js": { file: "view.js", type: "text/javascript; charset=utf-8" },
};

/** JSON bodies are a line of text; uploads may be a photo or a PDF of several pages. */
const JSON_LIMIT = 64 * 1024;
const UPLOAD_LIMIT = 30 * 1024 * 1024;

export interface Web {
  url: string;
  close(): Promise<void>;
}

export async function startWeb(tryout: Tryout, port: number): Promise<Web> {
  const api = new Api(tryout);
  let address = "";
  const server = createServer((req, res) => void handle(api, address, req, res));
  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(p, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  try {
    await listen(port);
  } catch (e) {
    // The usual port taken by something else: any free one will do, the line printed says which.
    if ((e as { code?: string }).code !== "EADDRINUSE" || port === 0) throw e;
    await listen(0);
  }
  address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${address}`,
    close: () =>
      new Promise<void>((resolve) => {
        api.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(api: Api, address: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = req.headers.host ?? "";
  if (host !== address && host !== address.replace("127.0.0.1", "localhost")) return send(res, 421, { error: "host" });
  const url = new URL(req.url ?? "/", `http://${address}`);
  try {
    if (req.method === "GET" && STATIC[url.pathname]) return serveStatic(res, STATIC[url.pathname]!);
    if (!url.pathname.startsWith("/api/")) return send(res, 404, { error: "không có trang này" });
    if (req.method === "GET") {
      const file = url.pathname.match(/^\/api\/files\/([A-Za-z0-9_-]+)$/);
      if (file) return serveFile(api, file[1]!, res);
      return send(res, 200, await api.get(url.pathname, url.searchParams, req));
    }
    if (req.method !== "POST") return send(res, 405, { error: "method" });
    const type = req.headers["content-type"] ?? "";
    const multipart = type.startsWith("multipart/form-data");
    if (!multipart && !type.startsWith("application/json")) return send(res, 415, { error: "Chỉ nhận JSON hoặc tệp gửi kèm." });
    const body = await readBody(req, multipart ? UPLOAD_LIMIT : JSON_LIMIT);
    return send(res, 200, await api.post(url.pathname, multipart ? { type, body } : parseJson(body)));
  } catch (e) {
    if (e instanceof ApiError) return send(res, e.status, { error: e.message });
    return send(res, 500, { error: e instanceof Error ? e.message : String(e) });
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8") || "{}");
  } catch {
    throw new ApiError(400, "Dữ liệu gửi lên không đọc được.");
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError(413, `Tệp quá lớn: trang dùng thử nhận tối đa ${Math.round(limit / 1024 / 1024)} MB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function serveStatic(res: ServerResponse, s: { file: string; type: string }): void {
  // Read at each request: editing the page needs no restart.
  const bytes = readFileSync(fileURLToPath(new URL(s.file, PUBLIC)));
  res.writeHead(200, { "content-type": s.type, "cache-control": "no-store" });
  res.end(bytes);
}

function serveFile(api: Api, fileId: string, res: ServerResponse): void {
  const file = api.file(fileId);
  if (!file) return send(res, 404, { error: "không có tệp này" });
  const disposition = file.kind === "photo" ? "inline" : "attachment";
  res.writeHead(200, {
    "content-type": file.mime,
    "content-length": file.bytes.length,
    "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "cache-control": "private, max-age=3600",
  });
  res.end(file.bytes);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
