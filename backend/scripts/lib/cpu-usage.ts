import { readdirSync, readFileSync } from 'node:fs';

// Linux /proc accounting, for benchmarks on a shared machine: who used the CPU during a window.
// Elsewhere every figure is null and the bench prints nothing.

const TICKS_PER_SECOND = 100; // USER_HZ on every Linux the project targets

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime (ticks) and parent pid of one process; null when it is gone. */
function stat(pid: number): { ticks: number; ppid: number } | null {
  const s = read(`/proc/${pid}/stat`);
  if (!s) return null;
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return { ticks: Number(f[11]) + Number(f[12]), ppid: Number(f[1]) };
}

function pids(): number[] {
  try {
    return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
}

export interface CpuSnapshot {
  at: number;
  machine: { busy: number; total: number } | null;
  /** Ticks per named group: the processes given and all their descendants. */
  groups: Record<string, number>;
}

/** `roots`: group name → root pids (a group counts its roots and every descendant alive now). */
export function cpuSnapshot(roots: Record<string, number[]>): CpuSnapshot {
  const line = read('/proc/stat')?.split('\n')[0];
  const v = line?.split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal
  const machine = v.length >= 8 ? { busy: v[0] + v[1] + v[2] + v[5] + v[6] + v[7], total: v.slice(0, 8).reduce((a, b) => a + b, 0) } : null;
  const all = new Map<number, { ticks: number; ppid: number }>();
  for (const pid of pids()) {
    const s = stat(pid);
    if (s) all.set(pid, s);
  }
  const groupOf = (pid: number): string | null => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 50; p = all.get(p)?.ppid, hops++) {
      for (const [name, list] of Object.entries(roots)) if (list.includes(p)) return name;
    }
    return null;
  };
  const groups: Record<string, number> = {};
  for (const [pid, s] of all) {
    const g = groupOf(pid);
    if (g) groups[g] = (groups[g] ?? 0) + s.ticks;
  }
  return { at: Date.now(), machine, groups };
}

/**
 * Share of one core used per group between two snapshots (100 = one core busy), plus `other`
 * (everything else that ran on the machine) and `idle`. Processes that ended in between are
 * not counted. Null without /proc.
 */
export function cpuShares(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> | null {
  if (!a.machine || !b.machine) return null;
  const seconds = (b.at - a.at) / 1000;
  const pct = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / seconds;
  const out: Record<string, number> = {};
  let mine = 0;
  for (const name of Object.keys(b.groups)) {
    const d = Math.max(0, b.groups[name] - (a.groups[name] ?? 0));
    out[name] = pct(d);
    mine += d;
  }
  const busy = b.machine.busy - a.machine.busy;
  out.other = Math.max(0, pct(busy - mine));
  out.idle = pct(b.machine.total - a.machine.total - busy);
  return out;
}

/** Pids whose command line contains `needle` (e.g. the embedded Postgres data directory). */
export function pidsWithCommandLine(needle: string): number[] {
  return pids().filter((pid) => (read(`/proc/${pid}/cmdline`) ?? '').includes(needle));
}
