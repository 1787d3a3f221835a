import { ReimbursedMode } from './cost-rates';

/** Where a cost is charged: the municipality that pays it and the programme whose budget it uses. */
export interface Charged {
  /** `YYYY-MM` in the region's zone. */
  month: string;
  municipalityId: string;
  programmeId: string;
}

/** One child's booking that held a place: the mother's municipality pays. */
export interface CareItem extends Charged {
  participantId: string;
  providerId: string;
  minutes: number;
  /** The provider's price per hour in euros. */
  pricePerHour: number;
}

/** A session a woman who comes by bus or bike can come to: a trip there and one back. */
export interface SessionTravelItem extends Charged {
  participantId: string;
  mode: ReimbursedMode;
  /** Home to the location, one way. */
  kmTenths: number;
}

/** One route of a vehicle: the session's municipality pays. */
export interface RideItem extends Charged {
  vehicleId: string;
  /** The driver, or the vehicle when no driver is named: whose kilometres count towards the caps. */
  driverKey: string;
  volunteer: boolean;
  kmTenths: number;
  minutes: number;
}

/** An interpreter at one session: the session's municipality pays. */
export interface InterpretingItem extends Charged {
  interpreterId: string;
  minutes: number;
}

export interface CostItems {
  care: CareItem[];
  travel: SessionTravelItem[];
  rides: RideItem[];
  interpreting: InterpretingItem[];
}
