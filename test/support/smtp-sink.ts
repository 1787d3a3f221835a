import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the sink received it, decoded. */
export interface ReceivedMail {
  messageId: string;
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  subject: string;
  text: string;
  /** The user the sender logged in as. */
  user: string | undefined;
}

/**
 * A real SMTP server for the tests (the `smtp-server` package) on a free local port, with a login, that keeps
 * every e-mail it accepts. SMTP has no idempotency key: the sink counts e-mails by their Message-ID, which the
 * service keeps the same for every attempt of one message.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Runs after an e-mail is received and before the server accepts it (e.g. to stop the sender meanwhile). */
  afterReceipt: (mail: ReceivedMail) => Promise<void> = async () => undefined;
  /** An SMTP reply code to refuse the next e-mails with, after reading them (e.g. 550, 451); 0 accepts. */
  refuseWith = 0;

  private readonly server: SMTPServer;

  private constructor(private readonly credentials: { user: string; password: string }) {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === credentials.user && auth.password === credentials.password) {
          callback(null, { user: auth.username });
        } else {
          callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        }
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.receive(Buffer.concat(chunks), session).then(
            (code) =>
              code === 0
                ? callback()
                : callback(Object.assign(new Error(`refused with ${code}`), { responseCode: code })),
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  static async start(credentials = { user: 'trefpunt', password: 'sink-password' }): Promise<SmtpSink> {
    const sink = new SmtpSink(credentials);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  /** TREFPUNT_SMTP_URL for the service, with the login. */
  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://${this.credentials.user}:${this.credentials.password}@127.0.0.1:${port}`;
  }

  /** E-mails received with this Message-ID (more than one: the same message came twice). */
  receivedWith(messageId: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.messageId === messageId);
  }

  distinctMessageIds(): number {
    return new Set(this.received.map((mail) => mail.messageId)).size;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    raw: Buffer,
    session: {
      envelope: { mailFrom: { address: string } | false; rcptTo: { address: string }[] };
      user?: unknown;
    },
  ): Promise<number> {
    const mail = { ...parseMail(raw), ...envelopeOf(session) };
    this.received.push(mail);
    await this.afterReceipt(mail);
    return this.refuseWith;
  }
}

function envelopeOf(session: {
  envelope: { mailFrom: { address: string } | false; rcptTo: { address: string }[] };
  user?: unknown;
}) {
  return {
    envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
    user: typeof session.user === 'string' ? session.user : undefined,
  };
}

/** The headers and text of a single-part text e-mail such as nodemailer writes for `text`. */
function parseMail(raw: Buffer): Pick<ReceivedMail, 'messageId' | 'from' | 'subject' | 'text'> {
  const source = raw.toString('latin1');
  const split = source.indexOf('\r\n\r\n');
  const head = source.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = source.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const header = (name: string) => decodeWords(headers.get(name) ?? '');
  return {
    messageId: header('message-id'),
    from: header('from'),
    subject: header('subject'),
    text: decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()),
  };
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) to text; `value` holds bytes as latin1. */
function decodeWords(value: string): string {
  const bytes = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('latin1')
        : text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeBody(body: string, encoding: string): string {
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') {
    const text = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    bytes = Buffer.from(text, 'latin1');
  } else bytes = Buffer.from(body, 'latin1');
  return bytes.toString('utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
}
