import { readMessagesConfig } from './messages-config';

describe('readMessagesConfig', () => {
  it('holds every channel, with the worker defaults, when nothing is set', () => {
    const config = readMessagesConfig({});
    expect([config.smtp, config.sms, config.whatsapp]).toEqual([null, null, null]);
    expect(config.delivery).toEqual({
      intervalMs: 5000,
      batchSize: 20,
      leaseMs: 300_000,
      maxAttempts: 6,
      retryDelayMs: 30_000,
      sendTimeoutMs: 15_000,
    });
  });

  it('reads the channels and the worker settings', () => {
    const config = readMessagesConfig({
      TREFPUNT_SMTP_URL: 'smtp://user:secret@mail.example.nl:587',
      TREFPUNT_MAIL_FROM: 'Trefpunt <noreply@example.nl>',
      TREFPUNT_SMS_URL: 'https://sms.example.nl/messages',
      TREFPUNT_SMS_KEY: ' sms-key ',
      TREFPUNT_OUTBOX_INTERVAL_MS: '0',
      TREFPUNT_OUTBOX_BATCH_SIZE: '5',
      TREFPUNT_OUTBOX_LEASE_MS: '60000',
      TREFPUNT_OUTBOX_MAX_ATTEMPTS: '3',
      TREFPUNT_OUTBOX_RETRY_DELAY_MS: '1000',
      TREFPUNT_OUTBOX_SEND_TIMEOUT_MS: '2000',
    });
    expect(config.smtp).toEqual({
      url: 'smtp://user:secret@mail.example.nl:587',
      from: 'Trefpunt <noreply@example.nl>',
    });
    expect(config.sms).toEqual({ url: 'https://sms.example.nl/messages', key: 'sms-key' });
    expect(config.whatsapp).toBeNull();
    expect(config.delivery).toEqual({
      intervalMs: 0,
      batchSize: 5,
      leaseMs: 60_000,
      maxAttempts: 3,
      retryDelayMs: 1000,
      sendTimeoutMs: 2000,
    });
  });

  it.each([
    [{ TREFPUNT_OUTBOX_INTERVAL_MS: '-1' }, 'TREFPUNT_OUTBOX_INTERVAL_MS must be a whole number'],
    [{ TREFPUNT_OUTBOX_BATCH_SIZE: '0' }, 'TREFPUNT_OUTBOX_BATCH_SIZE must be a whole number from 1'],
    [{ TREFPUNT_OUTBOX_MAX_ATTEMPTS: 'many' }, 'TREFPUNT_OUTBOX_MAX_ATTEMPTS must be a whole number'],
    [{ TREFPUNT_OUTBOX_RETRY_DELAY_MS: '1.5' }, 'TREFPUNT_OUTBOX_RETRY_DELAY_MS must be a whole number'],
    [{ TREFPUNT_OUTBOX_LEASE_MS: '10000' }, 'TREFPUNT_OUTBOX_LEASE_MS must be at least 4 times'],
    [{ TREFPUNT_SMTP_URL: 'http://mail.example.nl' }, 'TREFPUNT_SMTP_URL must be an smtp:// or smtps:// URL'],
    [{ TREFPUNT_SMTP_URL: 'smtp://mail.example.nl' }, 'TREFPUNT_MAIL_FROM is needed with TREFPUNT_SMTP_URL'],
    [{ TREFPUNT_MAIL_FROM: 'nobody' }, 'TREFPUNT_MAIL_FROM must be an e-mail address'],
    [{ TREFPUNT_SMS_URL: 'sms.example.nl' }, 'TREFPUNT_SMS_URL must be an http(s) URL'],
    [{ TREFPUNT_SMS_URL: 'https://sms.example.nl' }, 'TREFPUNT_SMS_KEY is needed with TREFPUNT_SMS_URL'],
    [
      { TREFPUNT_WHATSAPP_URL: 'https://wa.example.nl', TREFPUNT_WHATSAPP_KEY: '  ' },
      'TREFPUNT_WHATSAPP_KEY is needed with TREFPUNT_WHATSAPP_URL',
    ],
  ])('refuses %j, naming the variable', (raw, message) => {
    expect(() => readMessagesConfig(raw)).toThrow(message);
  });

  it('never says a key or a password in its complaints', () => {
    expect(() =>
      readMessagesConfig({
        TREFPUNT_SMS_URL: 'ftp://user:hunter2@sms.example.nl',
        TREFPUNT_SMS_KEY: 'sms-secret',
      }),
    ).toThrow(/^(?![\s\S]*(hunter2|sms-secret))/);
  });
});
