import { SetMetadata } from '@nestjs/common';
import { Role } from './access-token.entity';

export const ROLES_KEY = 'trefpunt:roles';

/** The roles that may use an endpoint (admins may use every endpoint not marked for drivers or participants). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Without @Roles, an endpoint is for admins and coordinators. */
export const DEFAULT_ROLES: Role[] = ['admin', 'coordinator'];
