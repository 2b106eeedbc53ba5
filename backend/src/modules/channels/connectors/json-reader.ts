import { ConnectorError } from './connector-error';

/**
 * Reads untyped platform JSON with the path kept, so a shape mismatch becomes a MALFORMED
 * error naming the field (`data[3].created_time`) instead of an `undefined` deep in a mapper.
 */
export class JsonReader {
  constructor(
    readonly value: unknown,
    readonly path: string,
    /** What was being read, e.g. 'facebook posts'. */
    readonly what: string,
  ) {}

  static root(value: unknown, what: string): JsonReader {
    return new JsonReader(value, '$', what);
  }

  get(key: string): JsonReader {
    const v = isRecord(this.value) ? this.value[key] : undefined;
    return new JsonReader(v, `${this.path}.${key}`, this.what);
  }

  /** Follows a dotted path ('public_metrics.like_count'). */
  at(dotted: string): JsonReader {
    return dotted.split('.').reduce<JsonReader>((r, k) => r.get(k), this);
  }

  isMissing(): boolean {
    return this.value === undefined || this.value === null;
  }

  fail(): never {
    throw ConnectorError.malformed(this.what, this.path, this.value);
  }

  str(): string {
    if (typeof this.value === 'string') return this.value;
    if (typeof this.value === 'number' && Number.isFinite(this.value)) return String(this.value);
    return this.fail();
  }

  optStr(): string | null {
    return this.isMissing() ? null : this.str();
  }

  /** Counts arrive as numbers or numeric strings (YouTube); anything else is malformed. */
  num(): number {
    const v = this.value;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
    return this.fail();
  }

  optNum(): number | null {
    return this.isMissing() ? null : this.num();
  }

  optBool(): boolean | null {
    if (this.isMissing()) return null;
    if (typeof this.value === 'boolean') return this.value;
    return this.fail();
  }

  arr(): JsonReader[] {
    if (!Array.isArray(this.value)) return this.fail();
    return this.value.map((v, i) => new JsonReader(v, `${this.path}[${i}]`, this.what));
  }

  optArr(): JsonReader[] {
    return this.isMissing() ? [] : this.arr();
  }

  obj(): JsonReader {
    if (!isRecord(this.value)) return this.fail();
    return this;
  }

  keys(): string[] {
    return isRecord(this.value) ? Object.keys(this.value) : [];
  }

  /** ISO 8601 instant; accepts Graph's '+0000' offsets and epoch seconds. */
  isoDate(): string {
    const v = this.value;
    let d: Date;
    if (typeof v === 'number') d = new Date(v * 1000);
    else if (typeof v === 'string') d = new Date(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    else return this.fail();
    if (Number.isNaN(d.getTime())) return this.fail();
    return d.toISOString();
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
