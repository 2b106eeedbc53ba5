/** One answer of GET /api/health (or `unreachable` when the API did not answer at all). */
export interface HealthSample {
  at: number;
  code: number | 'unreachable';
  status: string | null;
}

export interface HealthPoller {
  samples: HealthSample[];
  /** `200 ok` → n, `503 down` → n, `unreachable` → n */
  summary(): Record<string, number>;
  /** Samples taken between two instants. */
  between(from: number, to: number): HealthSample[];
  stop(): Promise<void>;
}

/** Polls the API's health every `everyMs` for as long as the fault lasts. */
export function pollHealth(apiUrl: string, everyMs = 100): HealthPoller {
  const samples: HealthSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      try {
        const res = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
        const body = (await res.json()) as { status?: string };
        samples.push({ at, code: res.status, status: body.status ?? null });
      } catch {
        samples.push({ at, code: 'unreachable', status: null });
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  const key = (s: HealthSample) => (s.code === 'unreachable' ? 'unreachable' : `${s.code} ${s.status}`);
  return {
    samples,
    summary: () => {
      const out: Record<string, number> = {};
      for (const s of samples) out[key(s)] = (out[key(s)] ?? 0) + 1;
      return out;
    },
    between: (from, to) => samples.filter((s) => s.at >= from && s.at <= to),
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
