/** A day's route sheet as GET /drivers/me/routes gives it. */
export interface RouteSheet {
  driver: { id: string; name: string };
  date: string;
  routes: SheetRoute[];
}

export interface SheetRoute {
  id: string;
  direction: 'to' | 'from';
  vehicle: { id: string; name: string };
  location: { name: string; address: string };
  depart: string;
  arrive: string;
  navigationUrl: string;
  stops: SheetStop[];
}

export interface SheetStop {
  id: string;
  position: number;
  time: string;
  firstName: string;
  address: string;
  phone: string;
  children: number;
  childSeats: number;
  status: 'planned' | 'picked-up' | 'no-show';
  navigationUrl: string;
}

/**
 * Today and tomorrow as calendar dates in the Netherlands, where every region of the service lies: the sheet
 * opens by the region's day, whatever zone the phone is set to.
 */
export function todayAndTomorrow(now = new Date()): [string, string] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  const [year, month, day] = today.split('-').map(Number);
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return [today, tomorrow];
}
