import { useEffect, useState } from 'react';

/** The app's own address bar: its pages are paths (/, /week, /rides), shown without reloading. */
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
