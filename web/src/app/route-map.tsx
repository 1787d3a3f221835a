import { PlanDocument } from './region-plan';

type Route = PlanDocument['routes'][number];
interface Point {
  lat: number;
  lon: number;
}

const COLOURS = ['#0b4f94', '#b3261e', '#1b6e20', '#7a3e9d', '#8a5a00', '#00696e'];
export const colourOf = (index: number) => COLOURS[index % COLOURS.length];

/**
 * The routes drawn without map tiles: the stops in order and the lines between them, on an equirectangular
 * projection (exact enough over a region of some tens of kilometres). No tile server, so nothing leaves the
 * service, and the page runs under its strict content security policy.
 */
export function RouteMap({
  routes,
  destination,
  label,
}: {
  routes: Route[];
  destination?: Point;
  label: string;
}) {
  const points = [
    ...routes.flatMap((route) => route.stops.map((stop) => stop.position)),
    ...(destination ? [destination] : []),
  ];
  if (points.length === 0) return null;
  const width = 800;
  const height = 500;
  const margin = 30;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const scaleX = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const spanX = Math.max((Math.max(...lons) - Math.min(...lons)) * scaleX, 1e-4);
  const spanY = Math.max(Math.max(...lats) - Math.min(...lats), 1e-4);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const project = (p: Point) => ({
    x: margin + (p.lon - Math.min(...lons)) * scaleX * scale,
    y: height - margin - (p.lat - Math.min(...lats)) * scale,
  });
  const place = destination ? project(destination) : undefined;

  return (
    <svg className="map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect width={width} height={height} fill="#eef1ea" />
      {routes.map((route, index) => {
        const stops = route.stops.map((stop) => project(stop.position));
        // A ride there ends at the location; a ride back starts there.
        const line = place ? (route.direction === 'to' ? [...stops, place] : [place, ...stops]) : stops;
        return (
          <g key={route.id} data-route={route.id}>
            <polyline
              points={line.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              stroke={colourOf(index)}
              strokeWidth={4}
              strokeDasharray={route.direction === 'from' ? '10 6' : undefined}
              strokeLinejoin="round"
            />
            {stops.map((p, order) => (
              <g key={order}>
                <circle cx={p.x} cy={p.y} r={13} fill="#fff" stroke={colourOf(index)} strokeWidth={3} />
                <text x={p.x} y={p.y + 5} textAnchor="middle" fontSize={14} fontWeight={700} fill="#1a1a1a">
                  {order + 1}
                </text>
              </g>
            ))}
          </g>
        );
      })}
      {place && <rect x={place.x - 11} y={place.y - 11} width={22} height={22} fill="#1a1a1a" />}
    </svg>
  );
}
