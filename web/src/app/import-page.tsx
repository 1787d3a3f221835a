import { FormEvent, ReactNode, useState } from 'react';
import { IMPORT_TEXTS } from './import-texts';
import { SCENARIO_MAX_MEGABYTES, TIMETABLE_MAX_MEGABYTES } from './import-limits';
import { RegionData } from './region-plan';
import { usePageTexts } from './texts';
import { mediaTypeOf, upload, UploadOutcome } from './upload';

type Count = Record<string, number>;
interface ScenarioSummary {
  changed: boolean;
  records: Record<string, Count>;
  lists: Record<string, Count>;
  warnings: string[];
}
interface TimetableSummary {
  participants: number;
  lessons: Count;
  skipped: { line: number; reason: string }[];
  dryRun: boolean;
}

interface Props {
  data: RegionData;
  reload: () => void;
}

/** Uploading a scenario or a provider's timetable: stored whole, or refused whole with every problem shown. */
export function ImportPage({ data, reload }: Props) {
  const texts = usePageTexts(IMPORT_TEXTS);
  const providers = [...data.languageProviders.items].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <main className="page">
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <Uploader<ScenarioSummary>
        id="scenario"
        title={texts.scenario}
        intro={texts.scenarioIntro}
        accept=".json,application/json"
        maxMegabytes={SCENARIO_MAX_MEGABYTES}
        target={() => '/imports/scenario'}
        onStored={reload}
        describe={(summary) => <ScenarioResult summary={summary} />}
      />
      {providers.length > 0 && (
        <Uploader<TimetableSummary>
          id="timetable"
          title={texts.timetable}
          intro={texts.timetableIntro}
          accept=".csv,.ics,text/csv,text/calendar"
          maxMegabytes={TIMETABLE_MAX_MEGABYTES}
          providers={providers}
          target={(provider, dryRun) =>
            `/language-providers/${provider}/timetable${dryRun ? '?dryRun=true' : ''}`
          }
          onStored={reload}
          describe={(summary) => <TimetableResult summary={summary} />}
        />
      )}
    </main>
  );
}

interface UploaderProps<T> {
  id: string;
  title: string;
  intro: string;
  accept: string;
  maxMegabytes: number;
  providers?: { id: string; name: string }[];
  target: (provider: string, dryRun: boolean) => string;
  onStored: () => void;
  describe: (summary: T) => ReactNode;
}

/** One kind of file: choose it (and its provider), check or import it, and see the outcome. */
function Uploader<T>({
  id,
  title,
  intro,
  accept,
  maxMegabytes,
  providers,
  target,
  onStored,
  describe,
}: UploaderProps<T>) {
  const texts = usePageTexts(IMPORT_TEXTS);
  const [file, setFile] = useState<File>();
  const [provider, setProvider] = useState(providers?.[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome<T> & { dryRun: boolean }>();

  const send = (dryRun: boolean) => {
    if (!file) return;
    const type = mediaTypeOf(file);
    if (!type) {
      setOutcome({ ok: false, problems: [texts.unknownType], dryRun });
      return;
    }
    // Megabytes as the service counts them (2^20 bytes).
    if (file.size > maxMegabytes * 2 ** 20) {
      const problem = texts.tooLarge
        .replace('{size}', (file.size / 2 ** 20).toFixed(1))
        .replace('{limit}', String(maxMegabytes));
      setOutcome({ ok: false, problems: [problem], dryRun });
      return;
    }
    setBusy(true);
    upload<T>(target(provider, dryRun), file, type)
      .then(
        (answer) => {
          setOutcome({ ...answer, dryRun });
          if (answer.ok && !dryRun) onStored();
        },
        (failure: Error) => setOutcome({ ok: false, problems: [failure.message], dryRun }),
      )
      .finally(() => setBusy(false));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-import={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      <form className="inline" onSubmit={submit}>
        {providers && (
          <label>
            {texts.provider}
            <select value={provider} onChange={(event) => setProvider(event.target.value)}>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {texts.file}
          <input
            type="file"
            accept={accept}
            required
            onChange={(event) => {
              setFile(event.target.files?.[0]);
              setOutcome(undefined);
            }}
          />
        </label>
        {providers && (
          <button type="button" disabled={busy || !file} onClick={() => send(true)}>
            {texts.check}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || !file}>
          {texts.upload}
        </button>
      </form>
      {busy && <p role="status">{texts.busy}</p>}
      {outcome &&
        (outcome.ok ? (
          <div role="status" className="result">
            <p>
              <strong>{outcome.dryRun ? texts.checked : texts.stored}</strong>
            </p>
            {describe(outcome.summary)}
          </div>
        ) : (
          <div role="alert" className="warning">
            <p>
              <strong>
                {texts.problems} ({outcome.problems.length}):
              </strong>
            </p>
            <ul className="problems">
              {outcome.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

/** What a count says: `3 new, 1 updated`, leaving out zeros. */
function Counts({ counts }: { counts: Count }) {
  const texts = usePageTexts(IMPORT_TEXTS) as Record<string, string>;
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${texts[key] ?? key}`);
  return <>{parts.length > 0 ? parts.join(', ') : `0 ${texts.created}`}</>;
}

function ScenarioResult({ summary }: { summary: ScenarioSummary }) {
  const texts = usePageTexts(IMPORT_TEXTS);
  if (!summary.changed) return <p>{texts.unchangedFile}</p>;
  return (
    <>
      <dl className="facts">
        {Object.entries({ ...summary.records, ...summary.lists }).map(([kind, counts]) => (
          <div key={kind} className="contents">
            <dt>{kind}</dt>
            <dd>
              <Counts counts={counts} />
            </dd>
          </div>
        ))}
      </dl>
      {summary.warnings.length > 0 && (
        <>
          <h3>{texts.warnings}</h3>
          <ul>
            {summary.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function TimetableResult({ summary }: { summary: TimetableSummary }) {
  const texts = usePageTexts(IMPORT_TEXTS);
  return (
    <>
      <p>
        {summary.participants} {texts.participants}; {texts.lessons}: <Counts counts={summary.lessons} />
      </p>
      {summary.skipped.length > 0 && (
        <>
          <h3>{texts.skipped}</h3>
          <ul>
            {summary.skipped.map((entry) => (
              <li key={entry.line}>
                {texts.line} {entry.line}: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
