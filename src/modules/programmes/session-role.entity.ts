import { Check, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ExtraRole } from '../../planning/scheduling/model';
import { StaffMember } from '../staff/staff-member.entity';
import { Session } from './session.entity';

/** Who takes a role (co-trainer, experience expert, childcare volunteer) at a session. */
@Entity('session_staff')
@Check('chk_session_staff_role', `"role" IN ('co-trainer', 'experience-expert', 'childcare-volunteer')`)
export class SessionRole {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'text' })
  role: ExtraRole;

  @Index('ix_session_staff_member')
  @PrimaryColumn({ type: 'uuid' })
  staffMemberId: string;

  @ManyToOne(() => Session, (session) => session.roles, { onDelete: 'CASCADE' })
  session: Session;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  staffMember: StaffMember;
}
