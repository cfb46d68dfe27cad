import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";
import type { MailInput, MailKind } from "@/lib/registration/emails";
import { MAIL_WORKER_FILE, type MailJob, type MailJobResult } from "./worker-protocol";

const BATCH_MS = 25;

type Pending = { resolve: (r: MailJobResult) => void };
type State = {
  worker: Worker | null;
  pending: Map<number, Pending>;
  queue: MailJob[];
  nextId: number;
  disabled: boolean;
  file?: string | null;
};

// One worker per process, kept across hot reloads and module copies (route handlers and actions).
const g = globalThis as typeof globalThis & { __emargeMailWorker?: State };
if (!g.__emargeMailWorker) {
  g.__emargeMailWorker = { worker: null, pending: new Map(), queue: [], nextId: 1, disabled: false };
}
const state: State = g.__emargeMailWorker;

/** The bundled worker of a production build, or null (dev server, tests, scripts: send in-process). */
export function mailWorkerPath(): string | null {
  if (process.env.NODE_ENV !== "production" || process.env.EMARGE_MAIL_WORKER === "0") return null;
  // Resolved at run time from the build folder: not something the bundler should trace.
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.NEXT_DIST_DIR || ".next", MAIL_WORKER_FILE);
  return fs.existsSync(/*turbopackIgnore: true*/ file) ? file : null;
}

function settleAll(error: string) {
  for (const [id, p] of state.pending) p.resolve({ id, ok: false, error, crashed: true });
  state.pending.clear();
}

function startWorker(file: string): Worker {
  const worker = new Worker(/*turbopackIgnore: true*/ file);
  worker.unref(); // held only while messages are pending (see deliverInWorker)
  worker.on("message", (answers: MailJobResult[]) => {
    for (const answer of answers) {
      state.pending.get(answer.id)?.resolve(answer);
      state.pending.delete(answer.id);
    }
    if (state.pending.size === 0) worker.unref();
  });
  worker.on("error", (error) => log("error", "mail_worker_error", { message: error.message }));
  worker.on("exit", (code) => {
    if (state.worker === worker) state.worker = null;
    // A crashed worker (e.g. a bundle that cannot load) is not restarted: mail goes in-process.
    if (code !== 0) state.disabled = true;
    settleAll(`mail worker exited (${code})`);
  });
  return worker;
}

/**
 * Builds and sends one registration e-mail in the mail worker thread; resolves with the outcome
 * (never rejects). Returns null when no worker is available: the caller then does it in-process.
 */
export function deliverInWorker(kind: MailKind, mail: MailInput, dropped: string[]): Promise<MailJobResult> | null {
  if (state.disabled) return null;
  if (state.file === undefined) state.file = mailWorkerPath();
  const file = state.file;
  if (!file) return null;
  try {
    state.worker ??= startWorker(file);
  } catch (error) {
    state.disabled = true;
    log("warn", "mail_worker_unavailable", { message: error instanceof Error ? error.message : String(error) });
    return null;
  }
  const worker = state.worker;
  const job: MailJob = { id: state.nextId++, kind, mail, dropped };
  return new Promise((resolve) => {
    state.pending.set(job.id, { resolve });
    // Jobs of the next 25 ms go in one message: waking a thread is a costly system call here,
    // and an e-mail leaving 25 ms later makes no difference.
    if (state.queue.push(job) === 1) {
      setTimeout(() => {
        const batch = state.queue;
        state.queue = [];
        worker.ref();
        worker.postMessage(batch);
      }, BATCH_MS);
    }
  });
}

/** Whether a mail worker thread is running in this process (for tests and the health of a build). */
export function mailWorkerRunning(): boolean {
  return state.worker !== null;
}

/** Stops the worker (tests, shutdown); the next message starts a new one. */
export async function stopMailWorker(): Promise<void> {
  const worker = state.worker;
  state.worker = null;
  state.disabled = false;
  state.file = undefined;
  await worker?.terminate();
}
