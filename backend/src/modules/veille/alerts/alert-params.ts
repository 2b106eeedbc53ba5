import { BadRequestException } from '@nestjs/common';
import type { AlertType } from './alert-rule.entity';
import { BIG_ACCOUNT_DEFAULTS, NEGATIVE_DEFAULTS, SPIKE_DEFAULTS } from './spike-statistic';

type Spec = Record<string, { kind: 'number' | 'boolean'; min?: number; max?: number; default: number | boolean }>;

const SPECS: Record<AlertType, Spec> = {
  volume_spike: {
    k: { kind: 'number', min: 0.5, max: 20, default: SPIKE_DEFAULTS.k },
    minCount: { kind: 'number', min: 1, max: 1_000_000, default: SPIKE_DEFAULTS.minCount },
    shortWindow: { kind: 'boolean', default: SPIKE_DEFAULTS.shortWindow },
  },
  negative_surge: {
    minCount: { kind: 'number', min: 1, max: 1_000_000, default: NEGATIVE_DEFAULTS.minCount },
    minShare: { kind: 'number', min: 0, max: 1, default: NEGATIVE_DEFAULTS.minShare },
    minLift: { kind: 'number', min: 0, max: 1, default: NEGATIVE_DEFAULTS.minLift },
  },
  first_appearance: {},
  big_account: { minFollowers: { kind: 'number', min: 1, max: 1e10, default: BIG_ACCOUNT_DEFAULTS.minFollowers } },
};

/** Params of a rule with every default filled in; 400 naming `params.<name>` otherwise. */
export function normalizeParams(type: AlertType, raw: Record<string, unknown> = {}): Record<string, number | boolean> {
  const spec = SPECS[type];
  const bad = (field: string, error: string): never => {
    throw new BadRequestException({ statusCode: 400, message: `Invalid request: params.${field} (${error})`, details: [{ field: `params.${field}`, errors: [error] }] });
  };
  for (const k of Object.keys(raw)) if (!(k in spec)) bad(k, `unknown parameter for ${type}`);
  const out: Record<string, number | boolean> = {};
  for (const [name, s] of Object.entries(spec)) {
    const v = raw[name];
    if (v === undefined) {
      out[name] = s.default;
      continue;
    }
    if (s.kind === 'boolean') {
      if (typeof v !== 'boolean') bad(name, 'must be true or false');
      out[name] = v as boolean;
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v)) bad(name, 'must be a number');
      if ((s.min !== undefined && (v as number) < s.min) || (s.max !== undefined && (v as number) > s.max)) {
        bad(name, `must be between ${s.min} and ${s.max}`);
      }
      out[name] = v as number;
    }
  }
  return out;
}
