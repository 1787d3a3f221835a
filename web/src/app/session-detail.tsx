import { FormEvent, useEffect, useState } from 'react';
import { all, api } from './api';
import { clockOf, dateOf, weekdayName, zonedIso } from './dates';
import { describer } from './describe';
import { sayReason } from './reason-texts';
import { PinTime } from './pin-time';
import { Participant, RegionData, SessionRecord } from './region-plan';
import { useLanguage, useTexts } from './texts';

interface Props {
  data: RegionData;
  session: SessionRecord;
  onClose: () => void;
  onChanged: () => void;
  navigate: (to: string) => void;
}

/**
 * A session opened: each member, whether she can come and why not, her children's care, her pickup time and
 * vehicle; and the session moved or cancelled.
 */
export function SessionDetail({ data, session, onClose, onChanged, navigate }: Props) {
  const texts = useTexts();
  const language = useLanguage();
  const say = describer(data, texts, language);
  const [members, setMembers] = useState<Participant[]>();
  const [start, setStart] = useState(session.start.slice(0, 16));
  const [end, setEnd] = useState(session.end.slice(0, 16));
  const [message, setMessage] = useState<string>();
  const key = session.ref ?? session.id;
  const group = data.groups.get(session.groupId);

  useEffect(() => {
    all<Participant>(`/participants?group=${session.groupId}`).then(setMembers, (error: Error) =>
      setMessage(error.message),
    );
  }, [session.groupId]);

  const change = (body: object) =>
    api(`/sessions/${session.id}`, { method: 'PATCH', body }).then(
      () => {
        setMessage(texts.saved);
        onChanged();
      },
      (error: Error) => setMessage(error.message),
    );
  const move = (event: FormEvent) => {
    event.preventDefault();
    void change({ start: zonedIso(start, data.timezone), end: zonedIso(end, data.timezone) });
  };
  const cancel = () => {
    if (window.confirm(texts.confirmCancel)) void change({ status: 'cancelled' });
  };

  const row = (member: Participant) => {
    const planKey = data.participants.planKey(member);
    const blocked = data.plan.canCome.cannotCome.find(
      (c) => c.sessionId === key && c.participantId === planKey,
    );
    const care = data.plan.childcare.filter((c) => c.sessionId === key && c.participantId === planKey);
    const unmet = data.plan.childcareUnmet.filter((c) => c.sessionId === key && c.participantId === planKey);
    const ride = data.plan.routes
      .filter((r) => r.sessionId === key && r.direction === 'to')
      .map((r) => ({ route: r, stop: r.stops.find((s) => s.participantId === planKey) }))
      .find((found) => found.stop);
    const childCount = data.children.items.filter((c) => c.participantId === member.id).length;
    return (
      <tr key={member.id} data-member={member.id}>
        <th scope="row">{member.name}</th>
        <td className={blocked ? 'no' : 'yes'}>
          {blocked
            ? `${texts.cannotCome}: ${blocked.reasons.map((r, i) => sayReason(blocked.reasonCodes[i], r, language)).join(', ')}`
            : texts.canCome}
        </td>
        <td>
          {childCount === 0
            ? texts.noChildren
            : [
                ...care.map(
                  (c) =>
                    `${say.child(c.childId, dateOf(session.start))}: ${data.childcareProviders.get(c.providerId)?.name ?? ''} ${clockOf(c.from)}–${clockOf(c.to)}`,
                ),
                ...unmet.map((u) => `${say.child(u.childId, dateOf(session.start))}: ${texts.noCare}`),
              ].join('; ')}
        </td>
        <td>
          {ride?.stop
            ? `${clockOf(ride.stop.time)}, ${data.vehicles.get(ride.route.vehicleId)?.name ?? ''}`
            : member.transport === 'pickup'
              ? texts.noRide
              : texts.ownWay}
        </td>
      </tr>
    );
  };

  return (
    <section className="card detail" aria-labelledby="session-title" data-open-session={session.id}>
      <div className="toolbar">
        <h2 id="session-title">
          {group?.name}: {weekdayName(dateOf(session.start), language)} {clockOf(session.start)}–
          {clockOf(session.end)}
        </h2>
        <button
          type="button"
          onClick={() => navigate(`/rides?date=${dateOf(session.start)}&session=${session.id}`)}
        >
          {texts.rides}
        </button>
        <button type="button" onClick={onClose}>
          {texts.close}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <h3>{texts.members}</h3>
      {!members ? (
        <p>{texts.loading}</p>
      ) : (
        <div className="scroll">
          <table className="members">
            <thead>
              <tr>
                <th scope="col">{texts.members}</th>
                <th scope="col">{texts.canCome}?</th>
                <th scope="col">{texts.care}</th>
                <th scope="col">{texts.pickup}</th>
              </tr>
            </thead>
            <tbody>{members.map(row)}</tbody>
          </table>
        </div>
      )}
      {session.status === 'planned' && (
        <>
          <h3>{texts.move}</h3>
          <form className="inline" onSubmit={move}>
            <label>
              {texts.newStart}
              <input
                type="datetime-local"
                required
                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
            </label>
            <label>
              {texts.newEnd}
              <input type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
            </label>
            <button type="submit" className="primary">
              {texts.save}
            </button>
            <button type="button" className="danger" onClick={cancel}>
              {texts.cancelSession}
            </button>
          </form>
          <PinTime session={session} />
        </>
      )}
    </section>
  );
}
