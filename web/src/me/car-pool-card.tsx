/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { Pictogram } from '../shared/pictograms';
import { MeTexts } from './me-texts';

/** One of her car-pool offers as GET /me/car-pool gives it. */
export interface MyCarPoolOffer {
  id: string;
  role: 'driver' | 'passenger';
  status: 'offered' | 'accepted';
  with: string;
  address: string | null;
  phone: string | null;
  sessions: { sessionId: string; start: string }[];
}

/** A ride she is asked to give (with yes and no), or the ride she gives or gets once agreed. */
export function CarPoolCard(props: {
  offer: MyCarPoolOffer;
  texts: MeTexts;
  onAnswer: (offerId: string, answer: 'accept' | 'decline') => Promise<void>;
}) {
  const { offer } = props;
  const texts = props.texts.carPool;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const headingId = `c-${offer.id}`;
  const answer = async (choice: 'accept' | 'decline') => {
    setBusy(true);
    setFailed(false);
    try {
      await props.onAnswer(offer.id, choice);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const text =
    offer.status === 'offered'
      ? texts.ask(offer.with, offer.sessions.length)
      : offer.role === 'driver'
        ? texts.driving(offer.with)
        : texts.riding(offer.with);
  return (
    <section class="card" aria-labelledby={headingId} data-car-pool={offer.id}>
      <h3 id={headingId}>{texts.heading}</h3>
      <p class="line">
        <Pictogram name="car" />
        <span>{text}</span>
      </p>
      {offer.address && (
        <p class="line">
          <Pictogram name="home" />
          <bdi>{offer.address}</bdi>
        </p>
      )}
      {offer.phone && (
        <p class="line">
          <Pictogram name="phone" />
          <a href={`tel:${offer.phone}`}>
            <bdi>{offer.phone}</bdi>
          </a>
        </p>
      )}
      {failed && (
        <p class="error" role="alert">
          {props.texts.failed}
        </p>
      )}
      {offer.status === 'offered' && offer.role === 'driver' && (
        <div class="actions">
          <button class="button" type="button" disabled={busy} onClick={() => answer('accept')}>
            <Pictogram name="check" />
            {texts.yes}
          </button>
          <button class="button secondary" type="button" disabled={busy} onClick={() => answer('decline')}>
            <Pictogram name="cross" />
            {texts.no}
          </button>
        </div>
      )}
    </section>
  );
}
