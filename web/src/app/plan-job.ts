import { useEffect, useRef, useState } from 'react';
import { api } from './api';

/** What the app shows of a job of `GET /jobs/{id}` and its events. */
export interface JobProgress {
  state: 'queued' | 'running' | 'done' | 'failed';
  fraction: number;
  step: string | null;
  estimatedSecondsLeft: number | null;
  result?: PlanResult;
  reason?: string;
}

/** The parts of a programme plan's result (the answer of `POST /programmes/{id}/plan`) the week page shows. */
export interface PlanResult {
  sessions: number;
  careAndRides?: { canCome: number; memberSessions: number };
}

/** How long to wait before looking again when the event stream broke off (a proxy, a restart). */
const RETRY_MS = 1000;

/**
 * Plans a programme as a job (`Prefer: respond-async`) and follows it through its server-sent events, so that a
 * plan of minutes shows how far it got; `onDone` runs once the plan is stored.
 */
export function usePlanJob(onDone: () => void) {
  const [job, setJob] = useState<JobProgress>();
  const [error, setError] = useState<string>();
  const stop = useRef<() => void>(() => undefined);
  useEffect(() => () => stop.current(), []);

  const follow = (id: string) => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let over = false;
    const end = () => {
      over = true;
      source?.close();
      clearTimeout(timer);
    };
    const seen = (next: JobProgress) => {
      setJob(next);
      if (next.state === 'done') {
        end();
        onDone();
      } else if (next.state === 'failed') end();
    };
    const open = () => {
      source = new EventSource(`/jobs/${encodeURIComponent(id)}/events`);
      source.addEventListener('job', (event) => seen(JSON.parse((event as MessageEvent<string>).data)));
      // The stream ends after the last event, and the browser would open it again: look once instead.
      source.onerror = () => {
        source?.close();
        if (over) return;
        api<JobProgress>(`/jobs/${encodeURIComponent(id)}`).then(
          (current) => {
            seen(current);
            if (!over) timer = setTimeout(open, RETRY_MS);
          },
          (failure: Error) => {
            end();
            setError(failure.message);
          },
        );
      };
    };
    stop.current = end;
    open();
  };

  const start = (programmeId: string) => {
    stop.current();
    setError(undefined);
    setJob({ state: 'queued', fraction: 0, step: null, estimatedSecondsLeft: null });
    api<{ id: string }>(`/programmes/${encodeURIComponent(programmeId)}/plan`, {
      method: 'POST',
      headers: { Prefer: 'respond-async' },
    }).then(
      (queued) => follow(queued.id),
      (failure: Error) => {
        setJob(undefined);
        setError(failure.message);
      },
    );
  };

  const busy = job !== undefined && (job.state === 'queued' || job.state === 'running');
  return { job, error, busy, start };
}
