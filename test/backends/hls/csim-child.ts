// Helper process of budget.test.ts: starts a C simulation of an endless kernel in the project
// directory given as argv[2] and waits on it forever, so the test can SIGKILL this process mid-run.
import { customize } from "../../../src/index.ts";
import { ENDLESS } from "./endless.ts";

const prj = customize(ENDLESS, { name: "spin" }).build({
  target: "vitis_hls",
  mode: "csim",
  project: process.argv[2],
});
process.stdout.write("started\n");
await prj(new Int32Array(1));
