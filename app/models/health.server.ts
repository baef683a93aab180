import { prisma } from "~/db/prisma.server";

/** One round trip to the database: `/healthz` answers 200 only when it can be reached. */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
