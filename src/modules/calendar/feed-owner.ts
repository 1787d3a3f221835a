/** Whose feed it is: a participant, a driver, or a coordinator through her access token. */
export type FeedOwner =
  | { kind: 'participant'; participantId: string }
  | { kind: 'driver'; driverId: string }
  | { kind: 'coordinator'; tokenId: string };

export const ownerColumns = (owner: FeedOwner) => ({
  participantId: owner.kind === 'participant' ? owner.participantId : null,
  driverId: owner.kind === 'driver' ? owner.driverId : null,
  tokenId: owner.kind === 'coordinator' ? owner.tokenId : null,
});

export function ownerOf(row: {
  participantId: string | null;
  driverId: string | null;
  tokenId: string | null;
}): FeedOwner {
  if (row.participantId) return { kind: 'participant', participantId: row.participantId };
  if (row.driverId) return { kind: 'driver', driverId: row.driverId };
  return { kind: 'coordinator', tokenId: row.tokenId! };
}
