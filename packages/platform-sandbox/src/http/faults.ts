import { PLATFORMS } from '../types';
import type { FaultKind, FaultSpec, Platform } from '../types';

const KINDS: FaultKind[] = ['429', '500', 'timeout', 'truncated-json', 'garbage', 'pagination-loop', 'auth'];

export interface ActiveFault {
  platform: Platform;
  kind: FaultKind;
  remaining: number;
  retryAfterSeconds: number;
}

/** Queue of armed faults: each request to a platform consumes the oldest one armed for it. */
export class FaultStore {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): ActiveFault {
    if (!PLATFORMS.includes(spec.platform)) throw new Error(`unknown platform: ${String(spec.platform)}`);
    if (!KINDS.includes(spec.kind)) throw new Error(`unknown fault kind: ${String(spec.kind)} (one of ${KINDS.join(', ')})`);
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
    const f: ActiveFault = {
      platform: spec.platform,
      kind: spec.kind,
      remaining: count,
      retryAfterSeconds: spec.retryAfterSeconds ?? 30,
    };
    this.faults.push(f);
    return f;
  }

  take(platform: Platform): ActiveFault | undefined {
    const f = this.faults.find((x) => x.platform === platform && x.remaining > 0);
    if (!f) return undefined;
    f.remaining--;
    this.faults = this.faults.filter((x) => x.remaining > 0);
    return { ...f };
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
