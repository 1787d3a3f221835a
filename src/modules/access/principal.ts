import { Role } from './access-token.entity';

/** Who is calling, and what they may reach. Kept in the request's CLS context by the bearer-token guard. */
export interface Principal {
  role: Role;
  /** The token used; undefined for the admin token from the environment. */
  tokenId?: string;
  label: string;
  /** Regions a non-admin may reach (empty for an admin: everything). */
  regionIds: string[];
  /** When not empty, a coordinator reaches only the participants and locations of these municipalities. */
  municipalityIds: string[];
  participantId?: string;
  driverId?: string;
  /** The coordinator's account, when the token is the session of her sign-in to the web app. */
  accountId?: string;
}

export const PRINCIPAL = 'trefpunt:principal';

export const ENVIRONMENT_ADMIN: Principal = {
  role: 'admin',
  label: 'TREFPUNT_ADMIN_TOKEN',
  regionIds: [],
  municipalityIds: [],
};

/** The command line and start-up jobs act for the operator who runs them. */
export const SYSTEM: Principal = { role: 'admin', label: 'system', regionIds: [], municipalityIds: [] };
