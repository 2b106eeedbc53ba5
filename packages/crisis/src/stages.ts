export const CRISIS_STAGES = ['watch', 'active', 'contained', 'closed'] as const;
export type CrisisStage = (typeof CRISIS_STAGES)[number];

/**
 * Allowed moves. `watch → closed` is a false alarm; `contained → active` a relapse; closed is final
 * (a new crisis is opened instead).
 */
export const STAGE_TRANSITIONS: Readonly<Record<CrisisStage, readonly CrisisStage[]>> = {
  watch: ['active', 'closed'],
  active: ['contained'],
  contained: ['active', 'closed'],
  closed: [],
};

export type TransitionCheck = { ok: true } | { ok: false; allowed: readonly CrisisStage[]; message: string };

export function checkTransition(from: CrisisStage, to: CrisisStage): TransitionCheck {
  const allowed = STAGE_TRANSITIONS[from];
  if (allowed.includes(to)) return { ok: true };
  const list = allowed.length ? allowed.join(', ') : 'none (a closed crisis is final)';
  return { ok: false, allowed, message: `A crisis cannot move from ${from} to ${to}; allowed from ${from}: ${list}` };
}

/** Default crisis roles of a workspace's cell (configurable per workspace). */
export const DEFAULT_CRISIS_ROLES = ['lead', 'cm', 'legal', 'management', 'hr'] as const;
