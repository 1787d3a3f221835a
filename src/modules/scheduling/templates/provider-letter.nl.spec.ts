import type { ProviderConflictsDto } from '../dto/provider-conflicts.dto';
import { LetterSigner, providerLetterNl } from './provider-letter.nl';

const report: ProviderConflictsDto = {
  provider: { id: 'tp1', name: 'Taalschool Oost', email: null },
  from: '2027-01-11',
  to: '2027-01-18',
  participants: [],
  bestMoves: [],
  newSinceLastPlan: 0,
};

const fatma: LetterSigner = {
  name: 'Fatma de Vries',
  phone: '+31612345678',
  email: 'fatma@gemeente.test',
  area: 'gemeente Berkelland',
};

/** The lines after "Met vriendelijke groet," and its blank line. */
const signature = (letter: string) => letter.split('Met vriendelijke groet,\n\n')[1].trimEnd().split('\n');

describe('providerLetterNl: the signature', () => {
  it.each([
    [
      'her name, what she works for, phone and e-mail',
      fatma,
      [
        'Fatma de Vries',
        'Coördinator training vrouwen in de inburgering, gemeente Berkelland',
        '+31612345678 | fatma@gemeente.test',
      ],
    ],
    [
      'only her e-mail when her account has no phone',
      { ...fatma, phone: null, area: 'regio Achterhoek' },
      [
        'Fatma de Vries',
        'Coördinator training vrouwen in de inburgering, regio Achterhoek',
        'fatma@gemeente.test',
      ],
    ],
    [
      'blanks to fill in by hand without a signer (a script asked)',
      undefined,
      [
        '[naam van de coördinator]',
        'Coördinator training vrouwen in de inburgering, gemeente [naam gemeente]',
        '[telefoonnummer] | [e-mailadres]',
      ],
    ],
  ])('gives %s', (_case, signer, expected) => {
    expect(signature(providerLetterNl(report, signer))).toEqual(expected);
  });
});
