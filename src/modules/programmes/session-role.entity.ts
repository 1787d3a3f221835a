import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
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
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_session_staff_session' })
  session: Session;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'FK_session_staff_member' })
  staffMember: StaffMember;
}
