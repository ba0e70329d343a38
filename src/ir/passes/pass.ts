// A pass rewrites a module into an equivalent one for a backend (outlining, ordering); what it learns
// that is not IR (regions C simulation cannot order) goes into the notes. `runPasses` applies a list
// in order, so a backend's preparation reads as its pass list.

import type { Module } from "../nodes.ts";

export interface PassNotes {
  /** Spatial regions whose FIFO graph has a cycle (no sequential order for C simulation). */
  readonly cyclic: string[];
}

export type Pass = (m: Module, notes: PassNotes) => Module;

export function runPasses(passes: readonly Pass[], m: Module): { module: Module; notes: PassNotes } {
  const notes: PassNotes = { cyclic: [] };
  let module = m;
  for (const p of passes) module = p(module, notes);
  return { module, notes };
}
