// The entry of the export's worker thread (./request-files.ts): plain JavaScript, so that it loads
// without tsx, then registers tsx and loads the TypeScript that builds the files.
import { register } from "tsx/esm/api";

register();
await import("./request-files-worker.ts");
