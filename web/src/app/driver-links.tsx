import { useEffect, useState } from 'react';
import { all, api } from './api';
import { RegionData } from './region-plan';
import { QrCode } from './qr-code';
import { usePageTexts } from './texts';

interface Driver {
  id: string;
  name: string;
  vehicleId: string | null;
}

const TEXTS = {
  nl: {
    title: 'Chauffeurs',
    intro:
      'Geef een chauffeur haar persoonlijke link naar haar ritten: ze scant de QR-code met haar telefoon. Een nieuwe link zet haar eerdere links uit.',
    none: 'Nog geen chauffeurs in deze regio.',
    noVehicle: 'geen vast voertuig',
    makeLink: 'Maak een nieuwe link voor {name}',
    confirm: 'Een nieuwe link maken voor {name}? Haar eerdere links werken dan niet meer.',
    link: 'Link van {name}',
    qrOf: 'QR-code van de link van {name}: {link}',
  },
  en: {
    title: 'Drivers',
    intro:
      'Give a driver her personal link to her rides: she scans the QR code with her phone. A new link turns off her earlier links.',
    none: 'No drivers in this region yet.',
    noVehicle: 'no vehicle of her own',
    makeLink: 'Make a new link for {name}',
    confirm: 'Make a new link for {name}? Her earlier links stop working.',
    link: "{name}'s link",
    qrOf: "QR code of {name}'s link: {link}",
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** The region's drivers, each with a new personal link to hand over (`POST /drivers/{id}/link`) as a QR code. */
export function DriverLinks({ data }: { data: RegionData }) {
  const texts = usePageTexts(TEXTS);
  const [drivers, setDrivers] = useState<Driver[]>();
  const [links, setLinks] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    all<Driver>(`/drivers?region=${encodeURIComponent(data.regionId)}`).then(setDrivers, (error: Error) =>
      setMessage(error.message),
    );
  }, [data.regionId]);

  const makeLink = (driver: Driver) => {
    if (!window.confirm(fill(texts.confirm, { name: driver.name }))) return;
    api<{ url: string }>(`/drivers/${encodeURIComponent(driver.id)}/link`, { method: 'POST' }).then(
      (answer) => setLinks((known) => ({ ...known, [driver.id]: answer.url })),
      (error: Error) => setMessage(error.message),
    );
  };

  return (
    <section className="card" aria-labelledby="drivers-title">
      <h2 id="drivers-title">{texts.title}</h2>
      <p className="muted">{texts.intro}</p>
      {message && <p className="warning">{message}</p>}
      {drivers && drivers.length === 0 && <p>{texts.none}</p>}
      <ul className="plain">
        {drivers?.map((driver) => {
          const link = links[driver.id];
          const values = { name: driver.name, link: link ?? '' };
          return (
            <li key={driver.id} data-driver={driver.id}>
              <strong>{driver.name}</strong> ·{' '}
              {driver.vehicleId ? (data.vehicles.get(driver.vehicleId)?.name ?? '') : texts.noVehicle}{' '}
              <button type="button" onClick={() => makeLink(driver)}>
                {fill(texts.makeLink, values)}
              </button>
              {link && (
                <div className="stack">
                  <label className="stack">
                    {fill(texts.link, values)}
                    <input readOnly value={link} onFocus={(event) => event.target.select()} />
                  </label>
                  <QrCode text={link} label={fill(texts.qrOf, values)} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
