import { pino, type Logger } from "pino";

export type { Logger };

/** JSON lines on stdout. Never log tokens or message texts: ids and outcomes only. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
