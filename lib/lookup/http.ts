import { decodeHtml } from '../charset';

/** Bounds every look-up request keeps, whatever the server does. */
export interface HttpLimits {
  /** Whole request, headers and body (ms). */
  timeoutMs: number;
  /** Most bytes of a body that are read; the rest is never downloaded. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: HttpLimits = { timeoutMs: 8000, maxBytes: 1_000_000 };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Why a request gave no usable answer, in words a reader understands. */
export class LookupError extends Error {
  constructor(
    readonly code: 'timeout' | 'unreachable' | 'cancelled' | 'too-many-requests',
    message: string,
  ) {
    super(message);
  }
}

export interface Fetched {
  response: Response;
  /** The URL after redirects. */
  finalUrl: string;
}

/**
 * One request with no cookies or credentials, no referrer, a timeout and a caller's abort signal. Network errors
 * become `LookupError`s; HTTP errors are answers (the caller reads the status).
 */
export async function request(
  fetcher: FetchLike,
  url: string,
  init: RequestInit,
  limits: HttpLimits,
  signal?: AbortSignal,
): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new LookupError('timeout', 'timed out')), limits.timeoutMs);
  const onAbort = () => controller.abort(new LookupError('cancelled', 'cancelled'));
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetcher(url, {
      ...init,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    return { response, finalUrl: response.url || url };
  } catch (error) {
    const reason = controller.signal.reason;
    if (reason instanceof LookupError) throw reason;
    throw new LookupError('unreachable', networkReason(error));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  // The body is read by `readText` under the same timeout budget the caller gives it.
}

/** What a failed fetch says, where the runtime says anything (Node names DNS failures and redirect loops). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found (DNS)';
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ECONNRESET') return 'connection reset';
  if (/redirect/i.test(cause?.message ?? '')) return 'too many redirects (a redirect loop)';
  if (/certificate|ssl|tls/i.test(cause?.message ?? cause?.code ?? '')) return 'TLS certificate error';
  return 'network error (host not found, refused, or a redirect loop)';
}

/** The charset a Content-Type names, if any. */
/**
 * At most `maxBytes` of a response body, decoded with the charset its header or its own markup names (UTF-8 when
 * neither does; malformed bytes become U+FFFD, never an error). The rest of the body is cancelled, not read.
 */
export async function readText(
  response: Response,
  limits: HttpLimits,
  signal?: AbortSignal,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  const reader = response.body?.getReader();
  if (reader) {
    const deadline = Date.now() + limits.timeoutMs;
    try {
      while (size < limits.maxBytes) {
        if (signal?.aborted) throw new LookupError('cancelled', 'cancelled');
        const left = deadline - Date.now();
        if (left <= 0) throw new LookupError('timeout', 'timed out reading the page');
        let timer: ReturnType<typeof setTimeout> | undefined;
        const next = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new LookupError('timeout', 'timed out reading the page')), left);
          }),
        ]).finally(() => clearTimeout(timer));
        if (next.done) break;
        const room = limits.maxBytes - size;
        const chunk = next.value.byteLength > room ? next.value.subarray(0, room) : next.value;
        chunks.push(chunk);
        size += chunk.byteLength;
        if (next.value.byteLength > room) truncated = true;
      }
      if (size >= limits.maxBytes) truncated = true;
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { text: decodeHtml(bytes, response.headers.get('content-type') ?? ''), truncated };
}

/** Stops reading a body nobody needs (a non-HTML GET whose headers said it all). */
export function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** Seconds or an HTTP date in `Retry-After`, as milliseconds from now (capped), or null. */
export function retryAfterMs(value: string | null, now = Date.now(), cap = 60_000): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), cap) : null;
}
