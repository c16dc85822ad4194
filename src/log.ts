import { pino, type DestinationStream, type Logger } from "pino";
import { maskTokens, safeError } from "./safe-error.js";

export type { DestinationStream, Logger };

/**
 * Fields that hold what people typed or a whole request, dropped from any log
 * line that names them (an error's own are never copied: see safe-error.ts).
 */
const NEVER_LOGGED = ["ctx", "payload", "body", "update", "text"];

/**
 * JSON lines on stdout (or `destination`). Ids, kinds, outcomes and timings
 * only: every error goes through one serializer (src/safe-error.ts), and a bot
 * token is masked in every line written, whichever field or message holds it.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(1)): Logger {
  const masked: DestinationStream = { write: (line: string) => destination.write(maskTokens(line)) };
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: safeError },
      redact: { paths: [...NEVER_LOGGED, ...NEVER_LOGGED.map((k) => `*.${k}`)], remove: true },
    },
    masked,
  );
}
