/**
 * The MILP port (src/domain/settlement/model.ts `MilpSolver`) on HiGHS, compiled to WASM by
 * the `highs` package: CPLEX LP text in, a status and column values out.
 *
 * `solve()` is synchronous and can run for seconds on a large case: the server calls it only
 * inside a worker thread (settlement-worker.ts). Each `solve()` builds a fresh native solver,
 * so calls share no state.
 *
 * The compiled WASM module is shared. V8 compiles WebAssembly lazily and optimizes the hot
 * functions while they run, so a fresh compile solves several times slower for its first
 * seconds. A `WebAssembly.Module` can be posted to a worker and keeps its compiled and
 * optimized code, so the server compiles HiGHS once in the main thread and hands the module to
 * every worker: measured on a 12-issue leximin step, a worker's solves went from ~300 ms
 * (fresh compile in each worker) to ~70 ms from the third job on.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as highsPackage from 'highs';
import type { Highs, LegacyHighsSolution } from 'highs';
import type { MilpResult, MilpSolver } from '../domain/settlement/model.ts';

/**
 * highs 1.15 ships one declaration file, typed as its CommonJS face (loader at
 * `module.exports.default`), for both faces; Node's `import` loads the ES module face, whose
 * default export is the loader itself. The cast states what runs.
 */
const loadHighs = highsPackage.default as unknown as typeof highsPackage.default.default;

/** A compiled `WebAssembly.Module`, opaque here. */
export interface WasmModule {
  readonly [wasmBrand]: true;
}
declare const wasmBrand: unique symbol;

/**
 * The `WebAssembly` global, typed for the two uses here: the Node code compiles without the
 * DOM library, and @types/node 20 does not declare it.
 */
const wasm = (globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule>; Module: abstract new (bytes: Uint8Array) => WasmModule };
}).WebAssembly;

export const WasmModuleClass = wasm.Module;

let compiling: Promise<WasmModule> | undefined;

/** HiGHS's WASM, compiled once per process (the package exports its path as `highs/runtime`). */
export function compileHighs(): Promise<WasmModule> {
  compiling ??= readFile(fileURLToPath(import.meta.resolve('highs/runtime'))).then((bytes) => wasm.compile(bytes));
  return compiling;
}

const instances = new WeakMap<WasmModule, Promise<Highs>>();

/** A solver on `wasmModule` (one compiled elsewhere and posted here), or on this process's own. */
export async function loadHighsSolver(wasmModule?: WasmModule): Promise<MilpSolver> {
  const module = wasmModule ?? (await compileHighs());
  let loading = instances.get(module);
  if (loading === undefined) {
    loading = loadHighs({ wasmModule: module });
    instances.set(module, loading);
  }
  const highs = await loading;
  return { solve: (lp, options) => solveWith(highs, lp, options ?? {}) };
}

type Options = Readonly<Record<string, string | number | boolean>>;

/** What is left of the caller's options when HiGHS fails with them: its own default tolerances. */
const LENIENT: Options = { mip_rel_gap: 0 };

/** HiGHS's message when a run ends in its error state; any other throw (an unknown option) is a fault of ours and stays one. */
const RUN_FAILED = /Unable to solve the problem/;

function solveWith(highs: Highs, lp: string, options: Options): MilpResult {
  const run = (o: Options) => highs.solve(lp, { output_flag: false, ...o });
  let solution: ReturnType<typeof run>;
  try {
    solution = run(options);
  } catch (e) {
    if (!(e instanceof Error) || !RUN_FAILED.test(e.message)) throw e;
    // HiGHS also throws when a run ends in its own error state (status -1), which tight
    // tolerances on a nearly degenerate model can cause: try again without presolve, then with
    // its default tolerances. The engine re-checks every package it gets exactly, so a looser
    // solve can cost exactness, which it reports, never a red line or a floor.
    try {
      solution = run({ ...options, presolve: 'off' });
    } catch {
      try {
        solution = run(LENIENT);
      } catch {
        return { status: 'error', objective: Number.NaN, values: new Map() };
      }
    }
  }
  // Presolve may prove "infeasible or unbounded" without saying which; without presolve the
  // simplex or the MIP search tells them apart (HiGHS documentation, model status kUnboundedOrInfeasible).
  if (solution.Status === 'Primal infeasible or unbounded' && options.presolve !== 'off') {
    solution = run({ ...options, presolve: 'off' });
  }
  return toMilpResult(solution);
}

export function toMilpResult(solution: LegacyHighsSolution): MilpResult {
  const status = milpStatus(solution.Status);
  const values = new Map<string, number>();
  if (solution.Status === 'Optimal') {
    for (const [name, col] of Object.entries<{ Primal: number }>(solution.Columns)) values.set(name, col.Primal);
  }
  return { status, objective: status === 'optimal' ? solution.ObjectiveValue : NaN, values };
}

export function milpStatus(status: LegacyHighsSolution['Status']): MilpResult['status'] {
  switch (status) {
    case 'Optimal':
      return 'optimal';
    case 'Infeasible':
      return 'infeasible';
    case 'Unbounded':
      return 'unbounded';
    case 'Primal infeasible or unbounded':
      // Still ambiguous after the re-solve without presolve: neither answer can be claimed.
      return 'error';
    case 'Time limit reached':
    case 'Iteration limit reached':
    case 'Bound on objective reached':
    case 'Target for objective reached':
      return 'limit';
    // 'Empty' is also what the LP reader returns for text it could not parse (no columns read),
    // and the settlement models always have columns, so it is a fault, not an optimum.
    case 'Empty':
    case 'Not Set':
    case 'Load error':
    case 'Model error':
    case 'Presolve error':
    case 'Solve error':
    case 'Postsolve error':
    case 'Unknown':
      return 'error';
  }
}
