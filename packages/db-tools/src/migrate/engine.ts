import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine, SchemasContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type Log = (line: string) => void;

const BINDINGS = '@prisma/schema-engine-wasm/schema_engine_bg';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let loading: Promise<Bindings> | undefined;

/** The slice of the global WebAssembly API used here (the project's TS libs omit the DOM types). */
interface WasmRuntime {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

function isWasmRuntime(value: unknown): value is WasmRuntime {
  return (
    typeof value === 'object' &&
    value !== null &&
    'instantiate' in value &&
    typeof value.instantiate === 'function'
  );
}

function wasmRuntime(): WasmRuntime {
  const runtime: unknown = Reflect.get(globalThis, 'WebAssembly');
  if (!isWasmRuntime(runtime)) throw new Error('this Node.js has no WebAssembly support');
  return runtime;
}

/**
 * The engine arms a 10 s timer around operations (its advisory-lock and connection
 * timeouts) and never clears it, which would hold every CLI run open for 10 s after its
 * work is done. The operations it guards keep the process alive on their own (sockets,
 * pending adapter calls), so the timers need not.
 */
function unrefTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  return setTimeout(callback, ms >>> 0).unref();
}

let lastPanic: string | undefined;
let wasmMemory: { buffer: ArrayBuffer } | undefined;

function hasBuffer(value: unknown): value is { buffer: ArrayBuffer } {
  return (
    typeof value === 'object' && value !== null && 'buffer' in value && value.buffer instanceof ArrayBuffer
  );
}

/**
 * The glue hands a Rust panic's message to `global.PRISMA_WASM_PANIC_REGISTRY`, which
 * only the Prisma CLI defines; without it the panic surfaces as a bare "RuntimeError:
 * unreachable", often as an uncaught exception from a callback. Keep the message and
 * print it, since the process may not live to report it any other way.
 */
function recordPanic(pointer: number, length: number): void {
  lastPanic = wasmMemory
    ? new TextDecoder().decode(new Uint8Array(wasmMemory.buffer, pointer >>> 0, length >>> 0))
    : 'panic message unavailable';
  process.stderr.write(`Prisma schema engine panicked: ${lastPanic}\n`);
}

/**
 * The package is a wasm-bindgen "bundler" build: Node cannot import its .wasm, so the
 * bytes are instantiated here with the JS glue as their import object. Done once per
 * process because instantiation costs ~100 ms and the glue module holds the instance.
 */
function loadBindings(): Promise<Bindings> {
  loading ??= (async () => {
    const bindings: Bindings = await import(BINDINGS);
    // The .wasm is not in the package's `exports`, so find it beside the glue file.
    // createRequire rather than import.meta.resolve, which vitest's module runner lacks.
    const bytes = await readFile(
      join(dirname(createRequire(import.meta.url).resolve(BINDINGS)), 'schema_engine_bg.wasm'),
    );
    const imports: Record<string, unknown> = { ...bindings };
    for (const name of Object.keys(imports)) {
      if (name.startsWith('__wbg_setTimeout_')) imports[name] = unrefTimeout;
      if (name.startsWith('__wbg_set_message_')) imports[name] = recordPanic;
    }
    const { instance } = await wasmRuntime().instantiate(bytes, { './schema_engine_bg.js': imports });
    const memory = instance.exports.memory;
    if (hasBuffer(memory)) wasmMemory = memory;
    bindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== 'function') throw new Error('schema engine wasm lacks __wbindgen_start');
    start();
    return bindings;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export interface OpenEngineOptions {
  /** Main database (connect) and shadow database (connectToShadowDb). */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Schema files given to the engine at construction; only needed by schema-aware commands. */
  schema?: SchemasContainer;
  log?: Log;
}

export interface OpenedEngine {
  engine: SchemaEngine;
  /** Replaces the engine's "External error id#N" placeholders with the JS errors they stand for. */
  explain(error: unknown): Error;
}

/** A schema engine bound to one adapter factory; it connects to the main database at once. */
export async function openEngine({ adapter, schema, log }: OpenEngineOptions): Promise<OpenedEngine> {
  const { SchemaEngine } = await loadBindings();
  const bound = bindMigrationAwareSqlAdapterFactory(adapter);
  const explain = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.name === 'RuntimeError') {
      return new Error(`the schema engine crashed: ${lastPanic ?? error.message}`, { cause: error });
    }
    const cleaned = message
      .replace(/External error id#(\d+)/g, (placeholder, id: string) => {
        const recorded = bound.errorRegistry.consumeError(Number(id))?.error;
        return recorded instanceof Error ? recorded.message : placeholder;
      })
      // Drop the Rust span trace ("   0: schema_engine_wasm::... at engine.rs:167"); `cause` keeps it.
      .replace(/\n\s+0: [\s\S]*$/, '')
      .trim();
    return cleaned === message && error instanceof Error ? error : new Error(cleaned, { cause: error });
  };
  const datamodels: [string, string][] | undefined = schema?.files.map((f) => [f.path, f.content]);
  // The engine reports tracing events as JSON lines; they are diagnostics, not output.
  const onLog = (line: unknown) => log?.(typeof line === 'string' ? line : JSON.stringify(line));
  try {
    return { engine: await SchemaEngine.new({ datamodels }, onLog, bound), explain };
  } catch (error) {
    throw explain(error);
  }
}

/** Empty schema filter: this project manages every table and enum through migrations. */
export const NO_FILTER = { externalTables: [], externalEnums: [] };
