// The bot's HTTP server (node:http): Telegram's webhook, and /healthz for a
// load balancer or a container orchestrator.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../log.js";

export interface HttpServerOptions {
  port: number;
  log: Logger;
  /** Resolves when the database answers; rejects (or hangs) when it does not. */
  probe: () => Promise<unknown>;
  /** POST `path` goes to `handle` (grammY's webhookCallback, which checks the secret). */
  webhook?: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> };
}

export interface HttpServer {
  readonly port: number;
  /** Stops taking updates: webhook requests get 503 (Telegram sends them again later). /healthz still answers. */
  stopAccepting(): void;
  /** Stops listening, lets requests in progress get their answer, then closes every connection. */
  close(): Promise<void>;
}

/** A health check slower than this counts as the database being down. */
const PROBE_TIMEOUT_MS = 3_000;

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { log, webhook } = options;
  let accepting = true;
  let closing = false;
  /** Requests not yet answered; a stop lets them finish (Telegram then knows its update was handled). */
  let active = 0;
  let whenAnswered: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    active++;
    res.once("close", () => {
      active--;
      if (!closing) return;
      server.closeIdleConnections();
      if (active === 0) whenAnswered?.();
    });
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      void health(options.probe).then(({ status, body }) => json(res, status, body));
      return;
    }
    if (webhook && path === webhook.path && req.method === "POST") {
      // Telegram tries again later, or on another instance.
      if (!accepting) return json(res, 503, { ok: false });
      webhook.handle(req, res).catch((err: unknown) => {
        const badBody = err instanceof SyntaxError;
        // A BotError: the logger's serializer keeps its update id and cause, never its context (the token, the update).
        if (!badBody) log.error({ err }, "webhook request failed");
        if (!res.headersSent) json(res, badBody ? 400 : 500, { ok: false });
        else res.end();
      });
      return;
    }
    json(res, 404, { ok: false });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, webhook: webhook?.path }, "http server listening");

  let closed: Promise<void> | undefined;
  return {
    port,
    stopAccepting() {
      accepting = false;
    },
    close() {
      accepting = false;
      closing = true;
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        const closeAll = () => server.closeAllConnections();
        if (active === 0) closeAll();
        else {
          server.closeIdleConnections();
          whenAnswered = closeAll;
        }
      });
      return closed;
    },
  };
}

async function health(probe: () => Promise<unknown>): Promise<{ status: number; body: object }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: 200, body: { ok: true, database: "up" } };
  } catch {
    return { status: 503, body: { ok: false, database: "down" } };
  } finally {
    clearTimeout(timer);
  }
}

function json(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}
