// The worker thread of ./request-files.ts: builds the two files from plain data and hands back their bytes.
import { parentPort, workerData } from "node:worker_threads";
import { buildRequestDraft } from "./request-draft.js";
import type { RequestFilesJob } from "./request-files.js";
import { buildRequestWorkbook } from "./request-workbook.js";

const job = workerData as RequestFilesJob;
const xlsx = await buildRequestWorkbook(job.input, job.labels, job.timeZone, job.createdAt);
const docx = await buildRequestDraft(job.input, job.labels);
parentPort!.postMessage({ xlsx, docx });
