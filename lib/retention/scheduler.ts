import { parisDateKey, parisTime } from "@/lib/format/dates";
import { log, logUnexpected } from "@/lib/log";
import { applyRetention } from "./mutations";
import { retentionPolicyFromEnv } from "./schema";

/**
 * The nightly retention run inside the app (started from instrumentation.ts). At a fixed Paris
 * hour rather than at start-up, so a restart or a test server never purges by surprise; the
 * advisory lock in applyRetention makes several instances harmless. RETENTION_DAILY=0 turns it off.
 */
type SchedulerState = { timer?: ReturnType<typeof setTimeout> };
const root = globalThis as unknown as { __emargeRetention?: SchedulerState };
const state: SchedulerState = root.__emargeRetention ?? {};
root.__emargeRetention = state;

/** The next `hour`:00 in Paris strictly after `now` (summer and winter time alike). */
export function nextDailyRun(now: Date, hour: number): Date {
  const hhmm = `${String(hour).padStart(2, "0")}:00`;
  const today = parisTime(parisDateKey(now), hhmm);
  if (today.getTime() > now.getTime()) return today;
  // +36 h from today's run always lands on the next Paris day, even across a time change.
  return parisTime(parisDateKey(new Date(today.getTime() + 36 * 3600_000)), hhmm);
}

export async function runRetentionNow(): Promise<void> {
  try {
    const run = await applyRetention({ actorLabel: "tâche quotidienne" });
    log("info", "retention_run", {
      ran: run.ran,
      skipped: run.skipped ?? null,
      proofOnly: run.proofOnly,
      aggregatesOnly: run.aggregatesOnly,
    });
  } catch (error) {
    logUnexpected(error, { where: "retention.daily" });
  }
}

/** Idempotent: a second call (hot reload, several imports) keeps the one timer. */
export function startRetentionScheduler(env: Record<string, string | undefined> = process.env): boolean {
  if (state.timer) return false;
  let policy: ReturnType<typeof retentionPolicyFromEnv>;
  try {
    policy = retentionPolicyFromEnv(env);
  } catch (error) {
    logUnexpected(error, { where: "retention.scheduler" });
    return false;
  }
  if (!policy.daily) return false;
  const scheduleNext = () => {
    const delay = nextDailyRun(new Date(), policy.dailyHour).getTime() - Date.now();
    state.timer = setTimeout(() => void runRetentionNow().finally(scheduleNext), delay);
    // Never keeps the process alive on its own (scripts, tests, graceful shutdown).
    state.timer.unref?.();
  };
  scheduleNext();
  log("info", "retention_scheduled", { hour: policy.dailyHour });
  return true;
}

export function stopRetentionScheduler(): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
}
