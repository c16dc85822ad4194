// Both files of a request's export, built in a worker thread: for a province's 5,000 branches the
// .docx alone is seconds of CPU (the library serialises every run and cell synchronously), which
// on the bot's own thread would hold up every other person's update meanwhile.
import { Worker } from "node:worker_threads";
import type { RequestExportLabels } from "./request-labels.js";
import type { RequestExportInput } from "./request-rows.js";

export interface RequestFilesJob {
  input: RequestExportInput;
  labels: RequestExportLabels;
  timeZone: string;
  createdAt: Date;
}

export interface RequestFiles {
  xlsx: Buffer;
  docx: Buffer;
}

export function buildRequestFiles(job: RequestFilesJob): Promise<RequestFiles> {
  // The bot runs its TypeScript through tsx (npm start, tests): the worker's entry registers it first
  // (Node 20 does not apply an --import of execArgv to a worker's .ts entry).
  const worker = new Worker(new URL("./request-files-worker.mjs", import.meta.url), { workerData: job });
  return new Promise<RequestFiles>((resolve, reject) => {
    worker.once("message", (m: { xlsx: Uint8Array; docx: Uint8Array }) => resolve({ xlsx: Buffer.from(m.xlsx), docx: Buffer.from(m.docx) }));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`request files worker exited (${code})`)));
  });
}
