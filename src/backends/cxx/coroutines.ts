// Streams and spatial regions as coroutines, for a target with `coroutines` (the native target; the
// runtime is include/allo_dataflow.h). A function that may block (ir/analysis/blocking.ts) returns
// allo_nat::task and awaits its puts, gets and blocking calls; each unit of a region is a coroutine
// lambda over the enclosing function's variables, and the region runs them round-robin. Code that
// cannot wait puts and gets without waiting and drives blocking work to completion: the CPU backend's
// scheme (src/backends/cpu/func.ts), so a failure reports the same.

import { regionLocalStreams } from "../../ir/analysis/streams.ts";
import type { BufferDecl, Func, Span, SpatialStmt, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import type { Scope } from "./scope.ts";
import type { CoroutineTarget } from "./target.ts";
import type { Writer } from "./writer.ts";

/** What the printer needs of the function builder it serves (stmt.ts's FnBuilder). */
interface Builder {
  readonly w: Writer;
  readonly s: Scope;
  readonly func: Func;
  stmts(list: readonly Stmt[]): void;
}

/** A FIFO or array of FIFOs as the runtime takes it: its first element's address and its count. */
const fifos = (name: string, b: BufferDecl): string =>
  `&${name}${"[0]".repeat(b.shape.length)}, ${elementCount(b.shape)}`;

export class CoroutinePrinter {
  /** The IR loops around the code being printed, outermost first: names and C++ variables. */
  readonly loops: { readonly name: string; readonly iv: string }[] = [];

  constructor(
    private readonly b: Builder,
    private readonly t: CoroutineTarget,
    /** Inside a coroutine (a blocking function or a unit): waits suspend it. */
    private awaiting: boolean,
  ) {}

  private site(op: "put" | "get", at: Span | undefined): string {
    const loops = this.loops.map((l) => l.name);
    const site = this.t.waitSite({ op, func: this.b.func.name, at, loops });
    return [site, ...this.loops.map((l) => l.iv)].join(", ");
  }

  /** The value got from FIFO `fifo`. */
  get(fifo: string, at: Span | undefined): string {
    const site = this.site("get", at);
    return this.awaiting ? `co_await allo_nat::get(${fifo}, ${site})` : `allo_nat::get_now(${fifo}, ${site})`;
  }

  /** The statement putting `value` into FIFO `fifo`. */
  put(fifo: string, value: string, at: Span | undefined): string {
    const site = this.site("put", at);
    return this.awaiting
      ? `co_await allo_nat::put(${fifo}, ${value}, ${site});`
      : `allo_nat::put_now(${fifo}, ${value}, ${site});`;
  }

  /** The statement calling a function that may block (`call` is its C++ call expression). */
  call(call: string, callee: string, at: Span | undefined): string {
    return this.awaiting
      ? `co_await ${call};`
      : `allo_nat::drive(${call}, ${this.t.driveSite({ func: callee, at })});`;
  }

  /**
   * Inside a coroutine, whose locals live in its frame: a big local must not be `static` there, since
   * every live instance of the coroutine would share it.
   */
  get inCoroutine(): boolean {
    return this.awaiting;
  }

  /** The statement giving a declared FIFO (or array of FIFOs) its identity and depth. */
  open(b: BufferDecl, name: string): string {
    const id = this.t.streamSite({ name: b.name, shape: b.shape });
    return `allo_nat::open(${fifos(name, b)}, ${id}, ${b.stream?.depth});`;
  }

  /** A region: its units as coroutine lambdas, run to completion (or to a reported failure). */
  region(st: SpatialStmt): void {
    const { w, s, func } = this.b;
    const run = s.names.unique(`region_${st.name}`);
    const at = st.span ?? w.span;
    const id = this.t.regionSite({ region: st, at });
    const locals = regionLocalStreams(func, st).map((n) => s.view(n));
    const count = locals.reduce((n, v) => n + elementCount(v.decl.shape), 0);
    w.block("", () => {
      w.line(`allo_nat::region_run ${run}(${id}, ${st.units.length}, ${count});`);
      for (const v of locals) w.line(`${run}.local(${fifos(v.name, v.decl)});`);
      const outer = this.awaiting;
      this.awaiting = true;
      for (const u of st.units) {
        const unit = s.names.unique(`unit_${u.name}`);
        w.block(
          `auto ${unit} = [&]() -> allo_nat::task`,
          () => {
            this.b.stmts(u.body);
            w.line("co_return;");
          },
          [],
          "};",
        );
        w.line(`${run}.add(${unit}());`);
      }
      this.awaiting = outer;
      w.line(
        outer
          ? `co_await ${run}.run();`
          : `allo_nat::drive(${run}.run(), ${this.t.driveSite({ func: func.name, at })});`,
      );
    });
  }
}
