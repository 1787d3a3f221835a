/**
 * The token of a personal link. It arrives in the query (`?token=`), is kept on this phone so that the page
 * opens again from the home screen or history, and is taken out of the address bar so that it is not shown,
 * shared or bookmarked by accident.
 */
export function linkToken(storageKey: string): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    localStorage.setItem(storageKey, fromLink);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromLink;
  }
  return localStorage.getItem(storageKey);
}

/** A revoked or expired link: forget it, so that the next link she is given is the one used. */
export const forgetLinkToken = (storageKey: string): void => localStorage.removeItem(storageKey);
