import { randomUUID } from 'node:crypto';

/** An answer from the gateway, with the body parsed when it is JSON. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests assert the shape themselves
  readonly body: any;
}

export interface CallOptions {
  /** An API key from API_KEYS; none sends no Authorization header. */
  readonly key?: string;
  /** Serialised as JSON with `content-type: application/json`. */
  readonly json?: unknown;
  /** Sent as is, for bodies JSON.stringify cannot produce (bad JSON, other media types). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

/**
 * A thin HTTP client for the public API, so tests read as "who calls what with which body".
 * It never throws on an HTTP status: every answer is returned for the test to judge.
 */
export class ApiClient {
  constructor(private readonly baseUrl: () => string) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.key) headers['authorization'] = `Bearer ${options.key}`;
    let body: string | undefined = options.raw;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl()}${path}`, { method, headers, body });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(contentType) && text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, headers: response.headers, contentType, body: parsed };
  }

  get(key: string, path: string): Promise<ApiResponse> {
    return this.call('GET', path, { key });
  }

  /** `POST /v1/complaints` with a fresh Idempotency-Key unless one is given. */
  create(key: string, body: unknown, idempotencyKey: string = randomUUID()): Promise<ApiResponse> {
    return this.call('POST', '/v1/complaints', { key, json: body, headers: { 'idempotency-key': idempotencyKey } });
  }

  /**
   * `POST /v1/complaints` as the API asks clients to: a 503 (the gateway waited longer than
   * `REQUEST_TIMEOUT_MS`; the complaint may yet be stored) is retried with the same
   * Idempotency-Key after its `Retry-After`, so the complaint is stored once however slow the
   * machine. Any other answer is returned.
   */
  async createRetrying(key: string, body: unknown, idempotencyKey: string = randomUUID(), attempts = 10): Promise<ApiResponse> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.create(key, body, idempotencyKey);
      if (response.status !== 503 || attempt === attempts) return response;
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000));
    }
  }

  /** `POST /v1/complaints/:id/:action` with a JSON body. */
  command(key: string, id: string, action: string, body: unknown = {}): Promise<ApiResponse> {
    return this.call('POST', `/v1/complaints/${id}/${action}`, { key, json: body });
  }
}

/** Throws with the whole answer when it is not what the test needs next, so a failure says why. */
export function expectStatus(response: ApiResponse, status: number): ApiResponse {
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

/** The field names a problem's `errors` list names. */
export function problemFields(response: ApiResponse): string[] {
  const errors = (response.body as { errors?: { field: string }[] } | undefined)?.errors ?? [];
  return errors.map((error) => error.field);
}
