import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { StaffMember } from './staff-member.entity';

@Entity('staff_member_availability')
@Check('chk_staff_member_availability_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class StaffMemberAvailability extends WeeklyWindowColumns {
  @Index('ix_staff_member_availability_member')
  @Column({ type: 'uuid' })
  staffMemberId: string;

  @ManyToOne(() => StaffMember, (owner) => owner.availability, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'FK_staff_member_availability_member' })
  staffMember: StaffMember;
}
