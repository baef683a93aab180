-- DropIndex
DROP INDEX "Response_roundId_recordedById_idx";

-- CreateIndex
CREATE INDEX "Response_roundId_recordedById_submittedAt_idx" ON "Response"("roundId", "recordedById", "submittedAt");

