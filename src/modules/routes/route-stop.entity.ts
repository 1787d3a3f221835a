import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Route } from './route.entity';

export const STOP_STATUSES = ['planned', 'picked-up', 'no-show'] as const;
export type StopStatus = (typeof STOP_STATUSES)[number];

/** A participant's pickup (or drop-off) on a route, with the children riding with her. */
@Entity('route_stops')
@Check('chk_route_stops_status', `"status" IN ('planned', 'picked-up', 'no-show')`)
@Check('chk_route_stops_children', '"children" >= 0')
export class RouteStop {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  routeId: string;

  @ManyToOne(() => Route, (route) => route.stops, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  route: Route;

  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  /** Order on the route, from 1. */
  @Column({ type: 'integer' })
  position: number;

  /** Pickup time (route `to`) or drop-off time (`from`). */
  @Column({ type: 'timestamptz' })
  time: Date;

  @Column({ type: 'integer', default: 0 })
  children: number;

  @Column({ type: 'text', default: 'planned' })
  status: StopStatus;

  @Column({ type: 'timestamptz', nullable: true })
  statusAt: Date | null;
}
