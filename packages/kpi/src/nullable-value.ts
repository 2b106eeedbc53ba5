/**
 * Internal: a KPI value with its provenance, so missing data propagates through formulas
 * separately from "undefined because the denominator is 0".
 */
export interface NullableValue {
  value: number | null;
  /** null because some input was not provided (as opposed to a zero denominator). */
  missing: boolean;
  /** computed, but from sums where some rows lacked an input. */
  partial: boolean;
}

export const known = (value: number, partial = false): NullableValue => ({
  value,
  missing: false,
  partial,
});

export const MISSING: NullableValue = { value: null, missing: true, partial: false };
export const UNDEFINED: NullableValue = { value: null, missing: false, partial: false };

export function fromInput(value: number | null | undefined, partial: boolean): NullableValue {
  return value === null || value === undefined ? MISSING : known(value, partial);
}

/** Applies `fn` when both operands have a value; otherwise missing wins over undefined. */
function combine(
  a: NullableValue,
  b: NullableValue,
  fn: (x: number, y: number) => number | null,
): NullableValue {
  if (a.missing || b.missing) return MISSING;
  if (a.value === null || b.value === null) return UNDEFINED;
  const result = fn(a.value, b.value);
  return result === null ? UNDEFINED : known(result, a.partial || b.partial);
}

/** a / b, null for a zero denominator (never NaN or Infinity). */
export function divide(numerator: NullableValue, denominator: NullableValue): NullableValue {
  return combine(numerator, denominator, (x, y) => {
    if (y === 0) return null;
    const result = x / y;
    return Number.isFinite(result) ? result : null;
  });
}

export const subtract = (a: NullableValue, b: NullableValue): NullableValue =>
  combine(a, b, (x, y) => x - y);

export const add = (a: NullableValue, b: NullableValue): NullableValue =>
  combine(a, b, (x, y) => x + y);
