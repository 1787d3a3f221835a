/** A way to make a region's shared resources ample, for `bench:plan --profile`. */
export interface ResourceProfile {
  name: string;
  description: string;
  /** Each care provider's places per age band are multiplied by this. */
  carePlaces: number;
  /** Each vehicle is there this many times (copies with their own ids, same depot and hours). */
  fleet: number;
}

/** Twelve times the care places (5 become 60) and ten times the fleet: more than any region's groups can use. */
export const PROFILES: ResourceProfile[] = [
  { name: 'care', description: 'care places ×12', carePlaces: 12, fleet: 1 },
  { name: 'fleet', description: 'fleet ×10', carePlaces: 1, fleet: 10 },
  { name: 'both', description: 'both', carePlaces: 12, fleet: 10 },
];

interface Scenario {
  vehicles: { id: string; name: string }[];
  childcareProviders: { places: { capacity: number }[] }[];
}

/** The scenario with its care places and fleet multiplied; the scenario given is left as it was. */
export function withResources(document: object, profile: ResourceProfile): object {
  const scenario = structuredClone(document) as Scenario;
  for (const provider of scenario.childcareProviders)
    for (const band of provider.places) band.capacity *= profile.carePlaces;
  scenario.vehicles = scenario.vehicles.flatMap((vehicle) =>
    Array.from({ length: profile.fleet }, (_, copy) =>
      copy === 0
        ? vehicle
        : { ...vehicle, id: `${vehicle.id}-${copy + 1}`, name: `${vehicle.name} (${copy + 1})` },
    ),
  );
  return scenario;
}
