import { ApiError } from '../shared/api';

export { ApiError };

/**
 * A call to the documented REST API with the session cookie of the signed-in coordinator. Writes carry the CSRF
 * header the API asks of a cookie session (a page of another site cannot send it).
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(method === 'GET' ? {} : { 'X-Trefpunt-Csrf': '1' }),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string | string[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? '');
    throw new ApiError(response.status, message || response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Every item of a list endpoint (the API pages at most 1000 at a time). */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api<{ items: T[]; total: number }>(
      `${path}${path.includes('?') ? '&' : '?'}limit=1000&offset=${offset}`,
    );
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}
