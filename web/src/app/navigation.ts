import { useEffect, useState } from 'react';

/**
 * The app's own address bar: its pages are paths (/, /week, /rides, …), shown without reloading. A page's path
 * must not begin with a first segment of the API (/participants, /childcare, /outbox, /imports…): the service
 * hands those to the API, not to the app.
 */
export function usePath(): [string, URLSearchParams, (to: string) => void] {
  const [location, setLocation] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setLocation(window.location.pathname + window.location.search);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  const navigate = (to: string) => {
    window.history.pushState(null, '', to);
    setLocation(to);
    window.scrollTo(0, 0);
  };
  const url = new URL(location, window.location.origin);
  return [url.pathname, url.searchParams, navigate];
}
