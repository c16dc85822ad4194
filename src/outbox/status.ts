// Where a delivery stands. PENDING waits for a sender; CLAIMED and SENDING mean a
// process holds it (the difference decides what a takeover resends, see
// jobs/sender.ts); SENT, SKIPPED, BLOCKED and FAILED are final. The column is a
// string (schema.prisma): these are its only values.
export const DeliveryStatus = {
  PENDING: "PENDING",
  CLAIMED: "CLAIMED",
  SENDING: "SENDING",
  SENT: "SENT",
  SKIPPED: "SKIPPED",
  BLOCKED: "BLOCKED",
  FAILED: "FAILED",
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/** Held by some process: taken over only once its lease has run out. */
export const HELD: readonly DeliveryStatus[] = [DeliveryStatus.CLAIMED, DeliveryStatus.SENDING];
/** Not done yet: a job with any of these left is not finished. */
export const OPEN: readonly DeliveryStatus[] = [DeliveryStatus.PENDING, ...HELD];
/** The end of a delivery that went its way (FAILED is reached by running out of attempts). */
export type Outcome = typeof DeliveryStatus.SENT | typeof DeliveryStatus.SKIPPED | typeof DeliveryStatus.BLOCKED;
