import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'trefpunt:public';

/** Marks an endpoint that answers without a token (only `/health`; `/docs` is served outside the guards). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
