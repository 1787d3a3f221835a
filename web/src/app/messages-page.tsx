import { useEffect, useState } from 'react';
import { all, api } from './api';
import { describer } from './describe';
import { MESSAGE_TEXTS } from './messages-texts';
import { OutboxMessage, RegionData } from './region-plan';
import { useLanguage, usePageTexts, useTexts } from './texts';

interface Props {
  data: RegionData;
  reload: () => void;
}

/** The outbox's messages that did not go out: failed ones (with the reason, to send again) and held ones. */
export function MessagesPage({ data, reload }: Props) {
  const texts = usePageTexts(MESSAGE_TEXTS);
  const common = useTexts();
  const language = useLanguage();
  const say = describer(data, common, language);
  const [lists, setLists] = useState<{ failed: OutboxMessage[]; held: OutboxMessage[] }>();
  const [message, setMessage] = useState<string>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const region = `/outbox?region=${data.regionId}`;
    Promise.all([
      all<OutboxMessage>(`${region}&status=failed`),
      all<OutboxMessage>(`${region}&status=held`),
    ]).then(
      ([failed, held]) => current && setLists({ failed, held }),
      (failure: Error) => current && setMessage(failure.message),
    );
    return () => {
      current = false;
    };
  }, [data.regionId, version]);

  const resend = (id: string) =>
    api(`/outbox/${id}/resend`, { method: 'POST' }).then(
      () => {
        setMessage(texts.resent);
        setVersion((v) => v + 1);
        reload();
      },
      (failure: Error) => setMessage(failure.message),
    );

  const table = (items: OutboxMessage[], canResend: boolean) =>
    items.length === 0 ? (
      <p>{texts.nothing}</p>
    ) : (
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{texts.to}</th>
              <th scope="col">{texts.about}</th>
              <th scope="col">{texts.channel}</th>
              <th scope="col">{texts.reason}</th>
              <th scope="col">{texts.made}</th>
              {canResend && <th scope="col">{texts.resend}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} data-message={m.id}>
                <th scope="row">{say.participant(m.participantId)}</th>
                <td>
                  {m.kind}
                  {m.sessionId ? `: ${say.session(m.sessionId)}` : ''}
                </td>
                <td>{m.channel}</td>
                <td>{m.lastError ?? (canResend ? '' : texts.noReason)}</td>
                <td>
                  {new Date(m.createdAt).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' })}
                </td>
                {canResend && (
                  <td>
                    <button type="button" onClick={() => void resend(m.id)}>
                      {texts.resend}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <main className="page">
      <h1>{texts.title}</h1>
      {message && <p role="status">{message}</p>}
      {!lists ? (
        <p role="status">{common.loading}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="failed-title">
            <h2 id="failed-title">
              {texts.failed} <span className="count">{lists.failed.length}</span>
            </h2>
            <p className="muted">{texts.failedIntro}</p>
            {table(lists.failed, true)}
          </section>
          <section className="card" aria-labelledby="held-title">
            <h2 id="held-title">
              {texts.held} <span className="count">{lists.held.length}</span>
            </h2>
            <p className="muted">{texts.heldIntro}</p>
            {table(lists.held, false)}
          </section>
        </>
      )}
    </main>
  );
}
