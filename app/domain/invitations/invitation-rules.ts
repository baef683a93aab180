/** The states of an invitation, in the order a person goes through them (Invitation.status). */
export const INVITATION_STATUSES = ["issued", "opened", "completed", "refused"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Days an invitation stays valid after the round's period ends (late replies, postal delay). */
export const GRACE_DAYS = 14;

/**
 * Expiry of a token issued now: the round's end plus the grace period. Issued after the
 * round's end (a late batch, the demo round of 2020), the grace runs from today, so a
 * slip is never dead on arrival.
 */
export function invitationExpiry(periodEnd: Date, now = new Date()): Date {
  const start = Math.max(periodEnd.getTime(), now.getTime());
  return new Date(start + GRACE_DAYS * 86_400_000);
}
