import { FormEvent, useEffect, useState } from 'react';
import { api } from './api';
import { useTexts } from './texts';

/**
 * Sign-in: she asks for a link by e-mail; the link opens /sign-in#token=…, which this page exchanges for her
 * session cookie. Exchanged by the page, not on opening the link, so that a mail scanner that opens links does
 * not use it up.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const texts = useTexts();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sent' | 'signing-in' | 'link-used'>(() =>
    window.location.hash.startsWith('#token=') ? 'signing-in' : 'idle',
  );

  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (!token) return;
    // The token leaves the address bar (and the history) at once.
    window.history.replaceState(null, '', '/sign-in');
    api('/auth/session', { method: 'POST', body: { token } }).then(
      () => {
        window.history.replaceState(null, '', '/');
        onSignedIn();
      },
      () => setState('link-used'),
    );
  }, [onSignedIn]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    api('/auth/sign-in-link', { method: 'POST', body: { email } }).then(
      () => setState('sent'),
      () => setState('sent'),
    );
  };

  return (
    <main className="page narrow">
      <h1>{texts.signInTitle}</h1>
      {state === 'signing-in' ? (
        <p role="status">{texts.signingIn}</p>
      ) : (
        <>
          {state === 'link-used' && <p className="warning">{texts.linkUsed}</p>}
          <p>{texts.signInIntro}</p>
          <form onSubmit={submit} className="stack">
            <label htmlFor="email">{texts.email}</label>
            <input
              id="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <button type="submit" className="primary">
              {texts.sendLink}
            </button>
          </form>
          {state === 'sent' && <p role="status">{texts.linkSent}</p>}
        </>
      )}
    </main>
  );
}
