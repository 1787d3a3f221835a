import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Response } from 'express';
import { Observable } from 'rxjs';
import { IS_PUBLIC } from './public.decorator';

/**
 * What a caller with a token is answered carries personal data (names, addresses, phone numbers, who is absent
 * and why): no browser, proxy or shared cache may keep it. Interceptors run after the guards, so this is reached
 * only by callers who passed them; public answers such as /health stay cacheable. A handler may still set a
 * stricter header of its own: it runs after this.
 */
@Injectable()
export class NoStoreInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType() === 'http' && !this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
    }
    return next.handle();
  }
}
