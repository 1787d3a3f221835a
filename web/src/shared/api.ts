/** The service answered with an error (as opposed to no answer at all: then fetch throws a TypeError). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A call to the documented REST API of this origin, with the token of the link as a bearer token. */
export async function callApi<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string | string[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? '');
    throw new ApiError(response.status, message || response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The wall-clock time `HH:mm` of a local ISO time of the API ("2027-01-12T09:30:00+01:00"), as in her region. */
export const clockOf = (localIso: string): string => localIso.slice(11, 16);
