// The arguments of a CKAN action: from a GET query (lists and objects as JSON text, as CKAN takes
// them) or a POST JSON body. A malformed argument is CKAN's "Validation Error" naming it.

export class CkanError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly type:
      'Bad request' | 'Authorization Error' | 'Not Found Error' | 'Validation Error' | 'Search Query Error',
    message: string,
    /** for a validation error: the field and its messages, as CKAN writes them */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string) =>
  new CkanError(409, 'Validation Error', message, { [field]: [message] });

export class Params {
  constructor(private readonly values: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== '';
  }

  raw(name: string): unknown {
    return this.values[name];
  }

  string(name: string): string | undefined {
    const v = this.values[name];
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
    if (typeof v === 'object') throw invalid(name, `${name}: a text is expected`);
    return String(v);
  }

  required(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw invalid(name, `${name}: Missing value`);
    return v;
  }

  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.string(name);
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw invalid(name, `${name}: Invalid integer`);
    if (n < min || n > max) throw invalid(name, `${name}: must be from ${min} to ${max}`);
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.values[name];
    if (v === undefined || v === '') return fallback;
    if (typeof v === 'boolean') return v;
    const s = String(v).toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(s)) return true;
    if (['false', '0', 'no', 'off'].includes(s)) return false;
    throw invalid(name, `${name}: Invalid boolean`);
  }

  /** A value that a GET gives as JSON text and a POST as JSON. */
  json<T>(name: string): T | undefined {
    const v = this.values[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') return v as T;
    try {
      return JSON.parse(v) as T;
    } catch {
      throw invalid(name, `${name}: not valid JSON`);
    }
  }

  /** A list given as JSON text, a JSON list, or (CKAN's leniency) a comma-separated text. */
  list(name: string): string[] | undefined {
    const v = this.values[name];
    if (v === undefined || v === '') return undefined;
    if (Array.isArray(v)) return v.map(String);
    if (typeof v === 'string') {
      const t = v.trim();
      if (t.startsWith('[')) {
        const parsed = this.json<unknown>(name);
        if (!Array.isArray(parsed)) throw invalid(name, `${name}: a list is expected`);
        return parsed.map(String);
      }
      return t
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    }
    throw invalid(name, `${name}: a list is expected`);
  }
}
