import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MessageChannels } from './message-channels';
import { MessagesConfig } from './messages-config';
import { OutboxDelivery } from './outbox-delivery.service';

const INTERVAL = 'outbox-delivery';

/**
 * The timer of the delivery worker: every TREFPUNT_OUTBOX_INTERVAL_MS it delivers what is due, round after
 * round while rounds come back full. Registered with the scheduler at start rather than by @Interval, whose
 * period is fixed when the class is loaded. A tick while a round still runs is skipped; at shutdown the timer
 * stops and the round under way finishes before the database closes.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private current: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly delivery: OutboxDelivery,
    private readonly channels: MessageChannels,
    private readonly config: MessagesConfig,
  ) {}

  onApplicationBootstrap(): void {
    const channels = this.channels.configured;
    const held = (['sms', 'whatsapp', 'email'] as const).filter((channel) => !channels.includes(channel));
    const { intervalMs } = this.config.delivery;
    this.logger.log(
      `Outbox: ${channels.length > 0 ? `sends ${channels.join(', ')}` : 'sends nothing'}` +
        `${held.length > 0 ? `; holds ${held.join(', ')} (not configured)` : ''}` +
        `${channels.length > 0 && intervalMs === 0 ? '; the timer is off' : ''}`,
    );
    if (intervalMs === 0 || channels.length === 0) return;
    this.scheduler.addInterval(
      INTERVAL,
      setInterval(() => this.tick(), intervalMs),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
    await this.current;
  }

  private tick(): void {
    if (this.current || this.stopping) return;
    this.current = this.drain().finally(() => (this.current = null));
  }

  private async drain(): Promise<void> {
    try {
      let full = true;
      while (full && !this.stopping) {
        const round = await this.delivery.round();
        full = round.claimed === this.config.delivery.batchSize;
      }
    } catch (error) {
      // The name only: a database error's message can quote the values of a row.
      this.logger.error(`Outbox delivery round failed (${error instanceof Error ? error.name : 'error'})`);
    }
  }
}
