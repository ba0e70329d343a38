// The files of a Vitis project: kernel.cpp / kernel.h (extern "C" top, m_axi ports), testbench.cpp
// (Vitis HLS csim/cosim and allo-ts csim), host.cpp (XRT host for sw_emu/hw_emu/hw), run.tcl and a
// Makefile. Every file reads inputs from input<k>.data and writes output<k>.data in a directory given
// on its command line, so no file holds a path or anything else from the machine that wrote it; the
// testbench and the host compare the outputs with expected<k>.data (project-data.ts writes both).

import type { Func, Module } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { cType } from "../cxx/types.ts";
import { BANNER } from "./emit.ts";
import type { ProjectOptions } from "./options.ts";
import { TESTBENCH_HELPERS, TESTBENCH_INCLUDES, tbArgs, testbenchRun, transfer } from "./testbench.ts";
import { checkLines } from "./testbench-check.ts";
import { emitVitisKernel, type VitisKernel } from "./vitis.ts";

export const MODES = ["csim", "csyn", "cosim", "sw_emu", "hw_emu", "hw"] as const;
export type Mode = (typeof MODES)[number];

export interface ProjectFiles {
  readonly kernel: VitisKernel;
  readonly files: ReadonlyMap<string, string>;
}

function testbench(top: Func, kernel: VitisKernel): string {
  return `${BANNER}${TESTBENCH_INCLUDES}\n#include "kernel.h"\n\n${TESTBENCH_HELPERS}\n${testbenchRun(top, kernel.top, kernel.words)}
// usage: testbench [dir...]: for each dir in order (default "."), reads dir/input<k>.data, calls the
// kernel, writes dir/output<k>.data and compares it with dir/expected<k>.data (PASS, or FAIL and exit 1);
// the calls share one process, so static (stateful) locals persist
int main(int argc, char** argv) {
  if (argc < 2) return allo_run(".");
  for (int k = 1; k < argc; k++)
    if (int r = allo_run(argv[k])) return r;
  return 0;
}
`;
}

function host(top: Func, kernel: VitisKernel): string {
  const args = tbArgs(top);
  const lines: string[] = [];
  args.forEach((a, k) => {
    const T = cType(a.decl.type);
    if (a.scalar) {
      lines.push(`  ${T} a${k};`, `  ${transfer("load", a, k, `&a${k}`)}`);
      return;
    }
    const n = elementCount(a.decl.shape);
    lines.push(`  std::vector<${T}> h${k}(${n});`);
    if (a.input) lines.push(`  ${transfer("load", a, k, `h${k}.data()`)}`);
    lines.push(`  xrt::bo a${k}(device, sizeof(${T}) * ${n}, kernel.group_id(${k}));`);
    lines.push(`  a${k}.write(h${k}.data());`, `  a${k}.sync(XCL_BO_SYNC_BO_TO_DEVICE);`);
  });
  lines.push(`  xrt::run run = kernel(${args.map((_, k) => `a${k}`).join(", ")});`, "  run.wait();");
  args.forEach((a, k) => {
    if (!a.output) return;
    lines.push(`  a${k}.sync(XCL_BO_SYNC_BO_FROM_DEVICE);`, `  a${k}.read(h${k}.data());`);
    lines.push(`  ${transfer("store", a, k, `h${k}.data()`)}`);
  });
  lines.push(...checkLines(args, kernel.top));
  return `${BANNER}// XRT host for sw_emu / hw_emu / hw: host <kernel.xclbin> [dir]
#include <vector>

${TESTBENCH_INCLUDES}
#include <xrt/xrt_bo.h>
#include <xrt/xrt_device.h>
#include <xrt/xrt_kernel.h>

#include "kernel.h"

${TESTBENCH_HELPERS}
int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s <kernel.xclbin> [dir]\\n", argv[0]);
    return 64;
  }
  const char* dir = argc > 2 ? argv[2] : ".";
  xrt::device device(0);
  xrt::uuid uuid = device.load_xclbin(argv[1]);
  xrt::kernel kernel(device, uuid, "${kernel.top}");
${lines.join("\n")}
}
`;
}

function runTcl(kernel: VitisKernel, mode: Mode, o: ProjectOptions): string {
  const def = mode === "cosim" || mode === "csim" ? mode : "csyn";
  return `# Vitis HLS: vitis_hls -f run.tcl [-tclargs csim|csyn|cosim]; data files are read from this directory.
set mode ${def}
if { $argc > 0 } { set mode [lindex $argv 0] }
set here [pwd]
open_project -reset out.prj
set_top ${kernel.top}
add_files kernel.cpp -cflags "-std=c++14"
add_files -tb testbench.cpp -cflags "-std=c++14"
open_solution -reset solution1 -flow_target vitis
set_part {${o.part}}
create_clock -period ${o.clockNs}
if { $mode == "csim" } { csim_design -argv $here }
if { $mode == "csyn" || $mode == "cosim" } { csynth_design }
if { $mode == "cosim" } { cosim_design -argv $here }
exit
`;
}

function makefile(kernel: VitisKernel, mode: Mode): string {
  const target = mode === "sw_emu" || mode === "hw_emu" || mode === "hw" ? mode : "sw_emu";
  return `# Vitis flow: make run TARGET=sw_emu|hw_emu|hw PLATFORM=<platform> (PLATFORM defaults to $XDEVICE).
# make csim builds the testbench and runs it: PASS when every output<k>.data matches expected<k>.data.
TARGET ?= ${target}
PLATFORM ?= $(XDEVICE)
TOP := ${kernel.top}
BUILD := build_dir.$(TARGET)
XCLBIN := $(BUILD)/$(TOP).xclbin
# make csim HLS_INCLUDE=node_modules/allo-ts/include uses allo-ts's csim headers instead of Vitis HLS's.
HLS_INCLUDE ?= $(XILINX_HLS)/include
CXXFLAGS := -std=c++17 -O2 -I$(HLS_INCLUDE)
CSIM_FLAGS := $(CXXFLAGS) -ffp-contract=off
HOST_FLAGS := $(CXXFLAGS) -I$(XILINX_XRT)/include -L$(XILINX_XRT)/lib -lxrt_coreutil -pthread

.PHONY: all run csim clean
all: host $(XCLBIN)

host: host.cpp kernel.h
\tg++ host.cpp -o host $(HOST_FLAGS)

$(BUILD)/$(TOP).xo: kernel.cpp kernel.h
\tmkdir -p $(BUILD)
\tv++ -c -t $(TARGET) --platform $(PLATFORM) -k $(TOP) -o $@ kernel.cpp

$(XCLBIN): $(BUILD)/$(TOP).xo
\tv++ -l -t $(TARGET) --platform $(PLATFORM) -o $@ $<

run: all
ifeq ($(TARGET),hw)
\t./host $(XCLBIN) .
else
\temconfigutil --platform $(PLATFORM) --od .
\tXCL_EMULATION_MODE=$(TARGET) ./host $(XCLBIN) .
endif

csim: kernel.cpp testbench.cpp kernel.h
\tg++ $(CSIM_FLAGS) kernel.cpp testbench.cpp -o csim.out
\t./csim.out .

clean:
\trm -rf host csim.out $(BUILD) _x.* out.prj *.log emconfig.json output*.data call*/
`;
}

/** Every file of the project, by name. */
export function projectFiles(m: Module, mode: Mode, o: ProjectOptions): ProjectFiles {
  const kernel = emitVitisKernel(m, o);
  const top = m.functions.find((f) => f.name === m.top) as Func;
  const files = new Map<string, string>([
    ["kernel.cpp", kernel.code],
    ["kernel.h", kernel.header],
    ["testbench.cpp", testbench(top, kernel)],
    ["host.cpp", host(top, kernel)],
    ["run.tcl", runTcl(kernel, mode, o)],
    ["Makefile", makefile(kernel, mode)],
  ]);
  return { kernel, files };
}
