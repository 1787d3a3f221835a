/** What an import answered: its summary, or every problem of the file (a 400 lists them all). */
export type UploadOutcome<T> = { ok: true; summary: T } | { ok: false; problems: string[] };

/**
 * Sends a file as it is, with its media type, to an import endpoint of the API (with the cookie session and the
 * CSRF header of a write). Unlike `api`, keeps the problems of a refused file apart, one per line or path.
 */
export async function upload<T>(path: string, file: File, type: string): Promise<UploadOutcome<T>> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': type, 'X-Trefpunt-Csrf': '1' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { message?: string | string[] };
  if (response.ok) return { ok: true, summary: body as T };
  const message = body.message ?? response.statusText;
  return { ok: false, problems: Array.isArray(message) ? message : [message] };
}

/** The media type an import takes for a file, from its name (browsers often give CSV no type, or a wrong one). */
export function mediaTypeOf(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  if (name.endsWith('.ics') || name.endsWith('.ical') || name.endsWith('.ifb')) return 'text/calendar';
  if (name.endsWith('.json')) return 'application/json';
  return undefined;
}
