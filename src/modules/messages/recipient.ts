import { Participant } from '../participants/participant.entity';

/**
 * Where a message to her goes: her channel and address. E-mail without an address (the import warns of it)
 * falls back to a text message to her phone. Undefined when she has no way to be reached.
 */
export const recipientOf = (person: Pick<Participant, 'reminderChannel' | 'email' | 'phone'>) => {
  const channel = person.reminderChannel === 'email' && !person.email ? 'sms' : person.reminderChannel;
  const recipient = channel === 'email' ? person.email : person.phone;
  return channel && recipient ? { channel, recipient } : undefined;
};
