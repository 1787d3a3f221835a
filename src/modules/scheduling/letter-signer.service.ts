import { Injectable } from '@nestjs/common';
import { SignInService } from '../accounts/sign-in.service';
import { MunicipalitiesService } from '../regions/municipalities.service';
import { RegionsService } from '../regions/regions.service';
import type { LetterSigner } from './templates/provider-letter.nl';

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;

/**
 * Who signs a letter: the coordinator signed in to the web app, from her account. A script's token has no person
 * behind it, so its letter keeps the blanks to fill in by hand.
 */
@Injectable()
export class LetterSignerService {
  constructor(
    private readonly signIn: SignInService,
    private readonly regions: RegionsService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async signer(regionId: string): Promise<LetterSigner | undefined> {
    const account = await this.signIn.currentAccount();
    if (!account) return undefined;
    // She writes for the municipalities she works for where her account names them, else for the region.
    const hers = (await this.municipalities.findByIds(account.municipalityIds)).filter(
      (municipality) => municipality.regionId === regionId,
    );
    const area =
      hers.length > 0
        ? `gemeente ${list(hers.map((municipality) => municipality.name).sort())}`
        : `regio ${(await this.regions.get(regionId)).name}`;
    return { name: account.name, phone: account.phone, email: account.email, area };
  }
}
