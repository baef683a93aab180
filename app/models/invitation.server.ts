import { prisma } from "~/db/prisma.server";

export type InvitationState = "unknown" | "used" | "expired" | "valid";

/** Look a token up and say whether it may still open a questionnaire. */
export async function checkInvitation(token: string, now = new Date()) {
  const invitation = await prisma.invitation.findUnique({
    where: { token },
    include: { round: true, unit: true, response: true },
  });
  let state: InvitationState = "valid";
  if (!invitation) state = "unknown";
  else if (invitation.usedAt || invitation.response?.status === "submitted") state = "used";
  else if (invitation.expiresAt < now) state = "expired";
  return { invitation, state };
}
