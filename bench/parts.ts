// The parts bench/child.ts can run in a process of their own, each imported only when run:
// an older checkout (BENCH_BEFORE_TREE) runs its instance without the modules of later parts.
type Part = (...args: never[]) => Promise<unknown>;

export const parts: Record<string, () => Promise<Part>> = {
  digest: async () => (await import("./digest.js")).digestMeasure,
  fanout: async () => (await import("./fanout.js")).fanoutBench,
  instance: async () => (await import("./instance.js")).botInstance,
  anchor: async () => (await import("./anchors.js")).anchorInstance,
  requests: async () => (await import("./requests.js")).requestMeasure,
  steps: async () => (await import("./steps.js")).stepsBench,
  submit: async () => (await import("./submit.js")).submitMeasure,
};
