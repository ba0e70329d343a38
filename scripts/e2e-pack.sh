#!/usr/bin/env bash
# The package as users get it: packs the tarball (prepare builds dist/), installs it from the registry's
# point of view into fresh ESM, CommonJS and untyped projects, and there runs a kernel script with tsx,
# imports allo-ts from plain node (import and require), runs the CLI for every target (and the Vitis
# project's own make csim), and type-checks the kernel files (a generic one included) with the shipped
# preset, expecting zero errors.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/allo-e2e-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Packages npm has cached are not revalidated against the registry: the four projects share them.
export npm_config_prefer_offline=true
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'e2e FAILED: %s\n' "$*" >&2; exit 1; }

# An argument names a tarball packed already (to re-run the checks without rebuilding).
if [ $# -gt 0 ]; then
  tarball="$(realpath "$1")"
else
  step "npm pack"
  (cd "$repo" && npm pack --silent --pack-destination "$work" >/dev/null)
  tarball="$(ls "$work"/allo-ts-*.tgz)"
fi
listing="$(tar tzf "$tarball")"
grep -qx 'package/dist/index.d.ts' <<<"$listing" || fail "the tarball has no dist/index.d.ts"
grep -qx 'package/include/ap_int.h' <<<"$listing" || fail "the tarball has no include/ap_int.h"
# The library's kernel source, which the frontend reads (compiled .js has no types; docs/library.md).
grep -qx 'package/dist/library/source/products.ts' <<<"$listing" || fail "the tarball has no library kernel source"
if grep -q '^package/src/' <<<"$listing"; then fail "the tarball ships src/"; fi

# One kernel file, its schedule exported for the CLI; the last line must not run when the CLI reads it.
kernel() {
  cat <<'EOF'
import { type float32, grid, type Schedule, zeros } from "allo-ts";

export const N = 16;
export type N = typeof N;

export function add(A: float32<[N, N]>, B: float32<[N, N]>): float32<[N, N]> {
  const C: float32<[N, N]> = zeros();
  for (const [i, j] of grid(N, N)) C[i][j] = A[i][j] + B[i][j];
  return C;
}

export function schedule(s: Schedule): void {
  s.split("j", 4);
  s.pipeline("j.inner");
}

console.error("TOP-LEVEL CODE RAN");
EOF
}

# A generic kernel: template parameters as loop bounds, with the value twins tsc needs (README).
generic() {
  cat <<'EOF'
import { type DType, grid, type Tensor } from "allo-ts";

declare const M: number, N: number, B: number;

export function tiled<T extends DType, M extends number, N extends number, B extends number>(
  A: Tensor<T, [M, N]>,
  C: Tensor<T, [M, N]>,
): void {
  for (const [i, j] of grid(M / B, N / B)) C[i * B][j * B] = A[i * B][j * B] + 1;
}
EOF
}

# A kernel of library calls (nested), composed with the library's registered schedule.
library_kernel() {
  cat <<'EOF'
import type { float32 } from "allo-ts";
import { linear, relu } from "allo-ts/library";

export function mlp(X: float32<[2, 3]>, W: float32<[4, 3]>, b: float32<[4]>): float32<[2, 4]> {
  return relu(linear(X, W, b));
}
EOF
}

# A script run with tsx: customize(fn), a CPU run checked against plain JS, and the generic kernel.
script() {
  cat <<'EOF'
import { readFileSync } from "node:fs";
import { customize, int32 } from "allo-ts";
import { linear } from "allo-ts/library";
import { add, N, schedule } from "./kernel.ts";
import { mlp } from "./mlp.ts";

const s = customize(add);
schedule(s);
const A = Float32Array.from({ length: N * N }, (_, i) => i);
const B = Float32Array.from({ length: N * N }, (_, i) => 2 * i);
const C = s.build()(A, B) as Float32Array;
if (!C.every((c, i) => c === 3 * i)) throw new Error("wrong CPU result");
if (!s.verify().equivalent) throw new Error("not proven equivalent");
if (!(s.estimate({ profile: "pynq-z1" }).latency > 0)) throw new Error("no estimate from the shipped profiles");
const g = customize(readFileSync("generic.ts", "utf8"), {
  name: "tiled",
  file: "generic.ts",
  instantiate: { T: int32, M: 8, N: 8, B: 2 },
});
if (!/i < 4/.test(g.build({ target: "vhls" }).code)) throw new Error("generic kernel not instantiated");
const m = customize(mlp).compose(linear);
const Y = m.build()(Float32Array.of(1, 2, 3, -1, -2, -3), Float32Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1), Float32Array.of(0, 0, 0, 1)) as Float32Array;
if (Y.join() !== "1,2,3,7,0,0,0,0") throw new Error(`wrong library result ${Y.join()}`);
if (!m.verify().equivalent) throw new Error("library schedule not proven equivalent");
console.log("tsx script OK");
EOF
}

text_kernel='`import { int32, grid } from "allo-ts";
export function inc(A: int32<[4]>): void { for (const [i] of grid(4)) A[i] = A[i] + 1; }`'
plain_use="const A = Int32Array.of(1, 2, 3, 4); s.build()(A); if (A.join() !== '2,3,4,5') throw new Error(A.join());"

# The body of the fenced block whose info string is "$1" in README's "Install in your project" section.
readme_block() {
  awk -v fence="\`\`\`$1" '/^## /{on = ($0 == "## Install in your project")} on && $0 == fence {inb = 1; next}
    inb && /^```$/ {exit} inb' "$repo/README.md"
}

# The README's quickstart for a project, word for word (the tarball stands in for the registry's allo-ts).
step "README: Install in your project"
mkdir -p "$work/readme" && cd "$work/readme"
while read -r cmd; do
  eval "${cmd/npm install allo-ts/npm install --silent --no-audit --no-fund $tarball}"
done < <(readme_block "sh install")
readme_block "json tsconfig.json" >tsconfig.json
readme_block "ts gemm.ts" >gemm.ts
[ -s gemm.ts ] && [ -s tsconfig.json ] || fail "README: the section's files were not found"
while read -r line; do
  cmd="${line%%#*}"
  out="$(eval "$cmd")" || fail "README: $cmd: $out"
  case "$cmd" in
    *tsx*) [ "$out" = "$(sed -E 's/.*: ([^(]*[^ (]).*/\1/' <<<"${line#*#}")" ] || fail "README: '$cmd' printed '$out'" ;;
    *tsc*) [ -z "$out" ] || fail "README: tsc reported $out" ;;
    *allo*) grep -q "#pragma HLS pipeline" <<<"$out" || fail "README: allo printed no pipelined HLS C++" ;;
  esac
done < <(readme_block "sh usage")

for kind in esm cjs untyped; do
  step "$kind project"
  p="$work/$kind"
  mkdir -p "$p"
  case "$kind" in
    esm) echo '{ "name": "e2e-esm", "private": true, "type": "module" }' >"$p/package.json" ;;
    cjs) echo '{ "name": "e2e-cjs", "private": true, "type": "commonjs" }' >"$p/package.json" ;;
    untyped) echo '{ "name": "e2e-untyped", "private": true }' >"$p/package.json" ;;
  esac
  cd "$p"
  npm install --silent --no-audit --no-fund "$tarball"
  npm install --silent --no-audit --no-fund --save-dev typescript @types/node
  kernel >kernel.ts
  generic >generic.ts
  library_kernel >mlp.ts
  echo '{ "extends": "allo-ts/tsconfig", "include": ["*.ts", "*.mts"] }' >tsconfig.json

  # The kernel script under tsx; ES module syntax in .mts so it runs the same in every project kind.
  script >run.mts
  [ "$(npx tsx run.mts 2>/dev/null)" = "tsx script OK" ] || fail "$kind: the tsx script"

  # Plain node, no TypeScript loader: import and require of the compiled package.
  node --input-type=module -e "import { customize } from 'allo-ts'; const s = customize($text_kernel, { name: 'inc' }); $plain_use"
  node --input-type=commonjs -e "const { customize } = require('allo-ts'); const s = customize($text_kernel, { name: 'inc' }); $plain_use"

  # The CLI for every target (npx itself is exercised by --version and the README's steps); the kernel
  # file's top-level code never runs.
  for target in cpu llvm mlir vhls vivado_hls vitis_hls; do
    node_modules/.bin/allo kernel.ts --target "$target" --project add.prj >"out.$target" 2>err.txt || {
      cat err.txt >&2
      fail "$kind: allo --target $target"
    }
    if grep -q "TOP-LEVEL CODE RAN" err.txt; then fail "$kind: the CLI ran the kernel file"; fi
  done
  grep -q "#pragma HLS pipeline" out.vhls || fail "$kind: the CLI did not apply schedule(s)"
  [ -f add.prj/kernel.cpp ] || fail "$kind: no Vitis project"
  # The project carries its data: its own make csim, with the package's csim headers, checks it.
  (cd add.prj && make -s csim HLS_INCLUDE=../node_modules/allo-ts/include) >csim.txt 2>&1 || {
    cat csim.txt >&2
    fail "$kind: make csim in the CLI's Vitis project"
  }
  grep -q "^PASS: add" csim.txt || fail "$kind: make csim printed no PASS"
  [[ "$(npx allo --version)" == "allo-ts "* ]] || fail "$kind: allo --version"

  # The editor's view: the preset type-checks the kernel files and the script with zero errors.
  TIMEFORMAT="tsc -p . with the preset: %R s wall, %U s user + %S s sys (CPU)"
  time (npx tsc -p . || fail "$kind: tsc with the allo-ts/tsconfig preset")
done
step "e2e OK"
