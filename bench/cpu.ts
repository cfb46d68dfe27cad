import fs from "node:fs";

/**
 * CPU time (user + system, ms) used so far by every process of a process group — the server and
 * its worker threads. Unlike wall-clock latency it barely moves when other jobs share the machine,
 * so "server CPU per request" is the number to compare between runs on a busy 2-core box.
 */
export function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After "pid (comm) ": state ppid pgrp … utime is field 14, stime 15 (1-based in proc(5)).
      if (Number(fields[2]) !== pgid) continue;
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // the process ended while we read
    }
  }
  return total;
}
