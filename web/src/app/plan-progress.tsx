import { JobProgress } from './plan-job';
import { usePageTexts } from './texts';

const TEXTS = {
  nl: {
    label: 'Voortgang van het plannen',
    queued: 'in de wachtrij',
    done: 'klaar',
    failed: 'mislukt',
    secondsLeft: 'nog ongeveer {n} s',
    result:
      'Opnieuw gepland: {sessions} {sessionWord}; {canCome} van {memberSessions} keer kan een deelnemer komen.',
    session: 'bijeenkomst',
    sessions: 'bijeenkomsten',
    steps: {
      loading: 'gegevens laden',
      'choosing times': 'tijden kiezen',
      'care and rides': 'opvang en ritten',
      storing: 'opslaan',
    } as Record<string, string>,
  },
  en: {
    label: 'Planning progress',
    queued: 'queued',
    done: 'done',
    failed: 'failed',
    secondsLeft: 'about {n} s left',
    result: 'Planned again: {sessions} {sessionWord}; members can come {canCome} of {memberSessions} times.',
    session: 'session',
    sessions: 'sessions',
    steps: {
      loading: 'loading',
      'choosing times': 'choosing times',
      'care and rides': 'care and rides',
      storing: 'storing',
    } as Record<string, string>,
  },
};

const fill = (text: string, values: Record<string, number | string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** A plan job's progress as a bar with its step, then its result (or why it failed). */
export function PlanProgress({ job }: { job: JobProgress }) {
  const texts = usePageTexts(TEXTS);
  const percent = Math.round(job.fraction * 100);
  const step =
    job.state === 'running' ? (job.step ? (texts.steps[job.step] ?? job.step) : '') : texts[job.state];
  const left =
    job.state === 'running' && job.estimatedSecondsLeft !== null
      ? `, ${fill(texts.secondsLeft, { n: job.estimatedSecondsLeft })}`
      : '';
  const result = job.result;
  return (
    <div className="plan-progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={texts.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %: ${step}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-step" aria-hidden="true">
        {percent} %: {step}
        {left}
      </span>
      {job.state === 'done' && result && (
        <p role="status">
          {fill(texts.result, {
            sessions: result.sessions,
            sessionWord: result.sessions === 1 ? texts.session : texts.sessions,
            canCome: result.careAndRides?.canCome ?? 0,
            memberSessions: result.careAndRides?.memberSessions ?? 0,
          })}
        </p>
      )}
      {job.state === 'failed' && <p className="warning">{job.reason}</p>}
    </div>
  );
}
