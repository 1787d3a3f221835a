import { EXTRA_ROLES, ExtraRole } from '../../planning/scheduling/model';
import { TALK_ROLES, TalkRole } from '../../planning/talks/model';

/** Every role a staff member can have: a part at sessions, or a one-to-one role in talks. */
export const STAFF_ROLES = [...EXTRA_ROLES, ...TALK_ROLES] as const;
export type StaffRole = ExtraRole | TalkRole;

/** Her roles at sessions only, for the session planner. */
export const sessionRolesOf = (roles: StaffRole[]): ExtraRole[] =>
  EXTRA_ROLES.filter((role) => roles.includes(role));
