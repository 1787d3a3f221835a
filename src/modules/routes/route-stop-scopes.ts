import { Injectable } from '@nestjs/common';
import { RecordScope } from '../access/access-context';
import { RoutesService } from './routes.service';

/** Where a route stop sits, for @ScopedBy: within its passenger's region and municipality. */
@Injectable()
export class RouteStopScopes {
  constructor(private readonly routes: RoutesService) {}

  scopeOf(id: string): Promise<RecordScope | undefined> {
    return this.routes.stopScopeOf(id);
  }
}
