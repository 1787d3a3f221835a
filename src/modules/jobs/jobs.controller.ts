import { Controller, Get, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { Observable } from 'rxjs';
import { IdParam } from '../../common/api/id-param';
import { AccessContext } from '../access/access-context';
import { PRINCIPAL } from '../access/principal';
import { JobDto } from './dto/job.dto';
import { JobsService, JobView } from './jobs.service';

/** How often the events stream looks at its job. */
const EVENTS_POLL_MS = 250;

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly access: AccessContext,
    private readonly cls: ClsService,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'A job: queued, running (with its progress and step), done (with its result) or failed (with why)',
    description:
      'Seen by whoever may use the region it works on, as the endpoint that queued it. A done job shows its ' +
      'result as the endpoint would answer the reader; each participant it names is an audited read.',
  })
  @ApiOkResponse({ type: JobDto })
  get(@IdParam() id: string): Promise<JobDto> {
    return this.jobs.get(id);
  }

  @Sse(':id/events')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'A job as server-sent events: one `job` event each time it changes, the last one done or failed',
  })
  async events(@IdParam() id: string): Promise<Observable<MessageEvent>> {
    // Looked up once before the stream opens: a job out of reach answers 404 like any other.
    const first = await this.jobs.get(id);
    // The request's context (who she is) is gone after the first answer: the later looks run as her again, so
    // that the result is shown and audited as she may see it.
    const principal = this.access.principal();
    const look = () =>
      this.cls.run(() => {
        this.cls.set(PRINCIPAL, principal);
        return this.jobs.get(id);
      });
    return new Observable<MessageEvent>((subscriber) => {
      let last = '';
      let timer: NodeJS.Timeout | undefined;
      let closed = false;
      const send = (job: JobView) => {
        const text = JSON.stringify(job);
        if (text !== last) subscriber.next({ type: 'job', data: job });
        last = text;
        if (job.state === 'done' || job.state === 'failed') subscriber.complete();
        else timer = setTimeout(poll, EVENTS_POLL_MS);
      };
      const poll = () =>
        look().then(
          (job) => !closed && send(job),
          (error: unknown) => !closed && subscriber.error(error),
        );
      send(first);
      return () => {
        closed = true;
        clearTimeout(timer);
      };
    });
  }
}
