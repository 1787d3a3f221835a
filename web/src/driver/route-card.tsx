/** @jsxImportSource preact */
import { clockOf } from '../shared/api';
import { Pictogram } from '../shared/pictograms';
import { DriverTexts } from './driver-texts';
import { SheetRoute, SheetStop } from './route-sheet';
import { StatusQueue } from './status-queue';

/** One trip: where to, when, the whole route in navigation, and the stops in order. */
export function RouteCard(props: { route: SheetRoute; texts: DriverTexts; queue: StatusQueue }) {
  const { route, texts } = props;
  const headingId = `r-${route.id}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {route.direction === 'to' ? texts.to(route.location.name) : texts.from(route.location.name)}
      </h3>
      <p class="muted">
        {route.vehicle.name} · {texts.leave(clockOf(route.depart))}, {texts.arrive(clockOf(route.arrive))}
      </p>
      <p>
        <a class="button secondary" href={route.navigationUrl} target="_blank" rel="noopener noreferrer">
          <Pictogram name="navigate" />
          {texts.navigateRoute}
        </a>
      </p>
      <ol class="stops">
        {route.stops.map((stop) => (
          <StopItem stop={stop} texts={texts} queue={props.queue} />
        ))}
      </ol>
    </article>
  );
}

function StopItem(props: { stop: SheetStop; texts: DriverTexts; queue: StatusQueue }) {
  const { stop, texts, queue } = props;
  // Her last tap counts, sent or still waiting for a connection.
  const status = queue.statusOf(stop.id) ?? stop.status;
  const mark = (next: 'picked-up' | 'no-show') => void queue.mark({ stopId: stop.id, status: next });
  return (
    <li class="card" data-stop={stop.id} data-status={status}>
      <p class="line">
        <strong>
          {stop.position}. <bdi class="time">{clockOf(stop.time)}</bdi> {stop.firstName}
        </strong>
        {status === 'picked-up' && <span class="badge good">{texts.markedPickedUp}</span>}
        {status === 'no-show' && <span class="badge bad">{texts.markedNoShow}</span>}
      </p>
      <p class="line">
        <Pictogram name="place" />
        <span>{stop.address}</span>
      </p>
      {stop.children > 0 && (
        <p class="line">
          <Pictogram name="seat" />
          <span>{texts.children(stop.children)}</span>
        </p>
      )}
      <div class="actions">
        {stop.phone && (
          <a class="button secondary" href={`tel:${stop.phone.replace(/[^+\d]/g, '')}`}>
            <Pictogram name="phone" />
            {texts.call(stop.firstName)}
          </a>
        )}
        <a class="button secondary" href={stop.navigationUrl} target="_blank" rel="noopener noreferrer">
          <Pictogram name="navigate" />
          {texts.navigate}
        </a>
      </div>
      <div class="actions">
        <button
          class="button good"
          type="button"
          aria-pressed={status === 'picked-up'}
          onClick={() => mark('picked-up')}
        >
          <Pictogram name="check" />
          {texts.pickedUp}
        </button>
        <button
          class="button bad"
          type="button"
          aria-pressed={status === 'no-show'}
          onClick={() => mark('no-show')}
        >
          <Pictogram name="cross" />
          {texts.noShow}
        </button>
      </div>
    </li>
  );
}
