import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { InvalidEnvironmentError } from '../../../config/environment';

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;

@ValidatorConstraint({ name: 'isUrlOf' })
class IsUrlOf implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    if (typeof value !== 'string') return false;
    try {
      return (args.constraints as string[]).includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }

  defaultMessage(args: ValidationArguments): string {
    const [protocol] = args.constraints as string[];
    return protocol === 'smtp:'
      ? `${args.property} must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.nl:587`
      : `${args.property} must be an http(s) URL such as https://sms.example.nl/messages`;
  }
}

/** A worker sends a message only while its claim has at least this many send timeouts left. */
export const LEASE_PER_SEND_TIMEOUT = 4;

/** An optional whole number within bounds, refused with a message that names the variable. */
const WholeNumber = (name: string, from: number, to: number, unit = '') => {
  const message = `${name} must be a whole number${unit} from ${from} to ${to}`;
  return applyDecorators(
    IsOptional(),
    Transform(toInteger),
    IsInt({ message }),
    Min(from, { message }),
    Max(to, { message }),
  );
};

/** The environment variables of the message outbox, validated at start as travel-config.ts does. */
export class MessagesEnvironment {
  /** How often the delivery worker looks for due messages; 0 turns it off (tests call deliverDue themselves). */
  @WholeNumber('TREFPUNT_OUTBOX_INTERVAL_MS', 0, 3_600_000, ' of milliseconds')
  TREFPUNT_OUTBOX_INTERVAL_MS = 5000;

  /** Messages one worker claims at a time. */
  @WholeNumber('TREFPUNT_OUTBOX_BATCH_SIZE', 1, 1000)
  TREFPUNT_OUTBOX_BATCH_SIZE = 20;

  /** How long a claim holds: after it, a message whose worker died is taken over by another. */
  @WholeNumber('TREFPUNT_OUTBOX_LEASE_MS', 1000, 3_600_000, ' of milliseconds')
  TREFPUNT_OUTBOX_LEASE_MS = 300_000;

  /** Attempts before a message that keeps failing for a passing reason is given up as failed. */
  @WholeNumber('TREFPUNT_OUTBOX_MAX_ATTEMPTS', 1, 50)
  TREFPUNT_OUTBOX_MAX_ATTEMPTS = 6;

  /** The wait before the first retry; each next one waits twice as long, at most an hour. */
  @WholeNumber('TREFPUNT_OUTBOX_RETRY_DELAY_MS', 0, 3_600_000, ' of milliseconds')
  TREFPUNT_OUTBOX_RETRY_DELAY_MS = 30_000;

  /** The longest one send may take (HTTP request, or each SMTP step). */
  @WholeNumber('TREFPUNT_OUTBOX_SEND_TIMEOUT_MS', 100, 120_000, ' of milliseconds')
  TREFPUNT_OUTBOX_SEND_TIMEOUT_MS = 15_000;

  /** Unset: e-mail messages are held in the outbox. */
  @IsOptional()
  @Validate(IsUrlOf, ['smtp:', 'smtps:'])
  TREFPUNT_SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/, {
    message:
      'TREFPUNT_MAIL_FROM must be an e-mail address, optionally with a name: Trefpunt <noreply@example.nl>',
  })
  TREFPUNT_MAIL_FROM?: string;

  /** Unset: SMS messages are held in the outbox. */
  @IsOptional()
  @Validate(IsUrlOf, ['http:', 'https:'])
  TREFPUNT_SMS_URL?: string;

  @IsOptional()
  @IsString()
  TREFPUNT_SMS_KEY?: string;

  /** Unset: WhatsApp messages are held in the outbox. */
  @IsOptional()
  @Validate(IsUrlOf, ['http:', 'https:'])
  TREFPUNT_WHATSAPP_URL?: string;

  @IsOptional()
  @IsString()
  TREFPUNT_WHATSAPP_KEY?: string;
}

export interface SmtpSettings {
  /** With the user and password, if any: a secret as a whole. */
  url: string;
  from: string;
}

export interface HttpProviderSettings {
  url: string;
  key: string;
}

export interface DeliverySettings {
  /** 0: no timer. */
  intervalMs: number;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  retryDelayMs: number;
  sendTimeoutMs: number;
}

/** What the messages module needs, read once at start. A channel left null keeps its messages held. */
export class MessagesConfig {
  constructor(
    readonly delivery: DeliverySettings,
    readonly smtp: SmtpSettings | null,
    readonly sms: HttpProviderSettings | null,
    readonly whatsapp: HttpProviderSettings | null,
  ) {}
}

/** Validates `raw` (normally `process.env`), or throws naming every bad variable. */
export function readMessagesConfig(raw: Record<string, unknown>): MessagesConfig {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(MessagesEnvironment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  const needs = (variable: keyof MessagesEnvironment, other: keyof MessagesEnvironment) => {
    if (env[other] !== undefined && !(typeof env[variable] === 'string' && env[variable].trim() !== '')) {
      problems.push(`${variable} is needed with ${other}`);
    }
  };
  needs('TREFPUNT_MAIL_FROM', 'TREFPUNT_SMTP_URL');
  needs('TREFPUNT_SMS_KEY', 'TREFPUNT_SMS_URL');
  needs('TREFPUNT_WHATSAPP_KEY', 'TREFPUNT_WHATSAPP_URL');
  // A send must fit in a claim with room to record it, or a worker would lose every message it sends.
  if (
    errors.length === 0 &&
    env.TREFPUNT_OUTBOX_LEASE_MS < LEASE_PER_SEND_TIMEOUT * env.TREFPUNT_OUTBOX_SEND_TIMEOUT_MS
  ) {
    problems.push(
      `TREFPUNT_OUTBOX_LEASE_MS must be at least ${LEASE_PER_SEND_TIMEOUT} times TREFPUNT_OUTBOX_SEND_TIMEOUT_MS`,
    );
  }
  if (problems.length > 0) {
    throw new InvalidEnvironmentError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const http = (url: string | undefined, key: string | undefined) =>
    url && key ? { url, key: key.trim() } : null;
  return new MessagesConfig(
    {
      intervalMs: env.TREFPUNT_OUTBOX_INTERVAL_MS,
      batchSize: env.TREFPUNT_OUTBOX_BATCH_SIZE,
      leaseMs: env.TREFPUNT_OUTBOX_LEASE_MS,
      maxAttempts: env.TREFPUNT_OUTBOX_MAX_ATTEMPTS,
      retryDelayMs: env.TREFPUNT_OUTBOX_RETRY_DELAY_MS,
      sendTimeoutMs: env.TREFPUNT_OUTBOX_SEND_TIMEOUT_MS,
    },
    env.TREFPUNT_SMTP_URL ? { url: env.TREFPUNT_SMTP_URL, from: env.TREFPUNT_MAIL_FROM!.trim() } : null,
    http(env.TREFPUNT_SMS_URL, env.TREFPUNT_SMS_KEY),
    http(env.TREFPUNT_WHATSAPP_URL, env.TREFPUNT_WHATSAPP_KEY),
  );
}
