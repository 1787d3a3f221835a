/** Whose feed it is: a participant, a driver, a staff member (her talks), or a coordinator through her token. */
export type FeedOwner =
  | { kind: 'participant'; participantId: string }
  | { kind: 'driver'; driverId: string }
  | { kind: 'staff'; staffMemberId: string }
  | { kind: 'coordinator'; tokenId: string };

export const ownerColumns = (owner: FeedOwner) => ({
  participantId: owner.kind === 'participant' ? owner.participantId : null,
  driverId: owner.kind === 'driver' ? owner.driverId : null,
  tokenId: owner.kind === 'coordinator' ? owner.tokenId : null,
  staffMemberId: owner.kind === 'staff' ? owner.staffMemberId : null,
});

export function ownerOf(row: {
  participantId: string | null;
  driverId: string | null;
  tokenId: string | null;
  staffMemberId: string | null;
}): FeedOwner {
  if (row.participantId) return { kind: 'participant', participantId: row.participantId };
  if (row.driverId) return { kind: 'driver', driverId: row.driverId };
  if (row.staffMemberId) return { kind: 'staff', staffMemberId: row.staffMemberId };
  return { kind: 'coordinator', tokenId: row.tokenId! };
}
