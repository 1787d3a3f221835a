import { ApiError, callApi } from '../shared/api';

/** A tap on picked-up or no-show, kept until the service has it. */
export interface QueuedMark {
  stopId: string;
  status: 'picked-up' | 'no-show';
}

const QUEUE_KEY = 'trefpunt.driver.queue';

/**
 * The driver's taps, in the order she made them, kept on her phone (localStorage) until the service answers: a
 * bus in a village without signal must not lose them. Sent again when the browser is back online, and every
 * half minute meanwhile. Marking is idempotent on the service, so a tap sent twice does no harm.
 */
export class StatusQueue {
  private sending = false;
  /** What the service took since the sheet was loaded: the sheet itself is not loaded again for every tap. */
  private readonly sent = new Map<string, QueuedMark['status']>();

  constructor(
    private readonly token: string,
    private readonly changed: () => void,
  ) {
    window.addEventListener('online', () => void this.flush());
    window.setInterval(() => void this.flush(), 30_000);
  }

  pending(): QueuedMark[] {
    try {
      return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedMark[];
    } catch {
      return [];
    }
  }

  /** The status she gave a stop last, sent or not. */
  statusOf(stopId: string): QueuedMark['status'] | undefined {
    return this.pending().find((mark) => mark.stopId === stopId)?.status ?? this.sent.get(stopId);
  }

  async mark(mark: QueuedMark): Promise<void> {
    this.save([...this.pending().filter((queued) => queued.stopId !== mark.stopId), mark]);
    await this.flush();
  }

  /** Sends the queue front to back; stops at the first mark that finds no connection. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (const mark of this.pending()) {
        try {
          await callApi(this.token, `/route-stops/${mark.stopId}/${mark.status}`, { method: 'POST' });
          this.sent.set(mark.stopId, mark.status);
        } catch (error) {
          // No answer (offline) or a busy service: keep it for later. Any other refusal will not change.
          if (!(error instanceof ApiError) || error.status === 429 || error.status >= 500) break;
        }
        // Kept if she changed her mind about this stop while it was on its way: that tap goes next.
        this.save(this.pending().filter((q) => !(q.stopId === mark.stopId && q.status === mark.status)));
      }
    } finally {
      this.sending = false;
      this.changed();
    }
  }

  private save(queue: QueuedMark[]): void {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    this.changed();
  }
}
