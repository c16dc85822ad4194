// The parts bench/child.ts can run in a process of their own.
import { anchorInstance } from "./anchors.js";
import { digestMeasure } from "./digest.js";
import { fanoutBench } from "./fanout.js";
import { botInstance } from "./instance.js";
import { requestMeasure } from "./requests.js";
import { stepsBench } from "./steps.js";
import { submitMeasure } from "./submit.js";

export const parts = { digest: digestMeasure, fanout: fanoutBench, instance: botInstance, anchor: anchorInstance, requests: requestMeasure, steps: stepsBench, submit: submitMeasure };
