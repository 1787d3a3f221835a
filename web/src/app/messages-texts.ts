/** The words of the outbox page. */
export const MESSAGE_TEXTS = {
  nl: {
    menu: 'Berichten',
    title: 'Berichten die niet verstuurd zijn',
    failed: 'Mislukt',
    failedIntro: 'Deze berichten kwamen niet aan. Verstuur ze opnieuw als het probleem over is.',
    held: 'Vastgehouden',
    heldIntro:
      'Voor dit kanaal is geen verzending ingesteld (geen SMTP, sms- of WhatsApp-dienst): ze gaan niet weg.',
    nothing: 'Geen berichten.',
    to: 'Aan',
    about: 'Over',
    channel: 'Kanaal',
    reason: 'Reden',
    made: 'Gemaakt',
    resend: 'Opnieuw versturen',
    resent: 'Staat klaar om opnieuw te versturen.',
    noReason: 'kanaal niet ingesteld',
  },
  en: {
    menu: 'Messages',
    title: 'Messages not sent',
    failed: 'Failed',
    failedIntro: 'These messages did not arrive. Send them again once the problem is over.',
    held: 'Held',
    heldIntro:
      'No sending is configured for their channel (no SMTP, SMS or WhatsApp service): they do not go out.',
    nothing: 'No messages.',
    to: 'To',
    about: 'About',
    channel: 'Channel',
    reason: 'Reason',
    made: 'Made',
    resend: 'Send again',
    resent: 'Queued to be sent again.',
    noReason: 'channel not configured',
  },
};
