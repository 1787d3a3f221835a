import { smtpOutcome } from './smtp.channel';

describe('smtpOutcome', () => {
  it.each([
    [
      { responseCode: 550, code: 'EENVELOPE', message: '550 no such user anna@example.nl' },
      'failed',
      'SMTP 550',
    ],
    [{ responseCode: 535, code: 'EAUTH' }, 'failed', 'SMTP 535'],
    [{ responseCode: 451, code: 'EMESSAGE' }, 'retry', 'SMTP 451'],
    [
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' },
      'retry',
      'no answer (ECONNECTION)',
    ],
    [{ code: 'ETIMEDOUT' }, 'retry', 'no answer (ETIMEDOUT)'],
    [new Error('something odd'), 'retry', 'no answer'],
  ])('takes %j as %s (%s), without the server’s words', (error, outcome, reason) => {
    expect(smtpOutcome(error)).toEqual({ outcome, reason });
  });
});
