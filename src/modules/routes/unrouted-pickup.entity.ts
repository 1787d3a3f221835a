import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { type Direction } from './route.entity';

/** A participant who needs collecting for a session but whom no vehicle could take, with the reason. */
@Entity('unrouted_pickups')
@Index('uq_unrouted_pickups', ['sessionId', 'participantId', 'direction'], { unique: true })
export class UnroutedPickup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;

  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column({ type: 'text' })
  direction: Direction;

  @Column({ type: 'text' })
  reason: string;
}
