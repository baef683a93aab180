-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "bounds" TEXT;

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "backCheckShare" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
ADD COLUMN     "previousRoundId" TEXT,
ADD COLUMN     "qcMinSecondsPerItem" DOUBLE PRECISION NOT NULL DEFAULT 2,
ADD COLUMN     "qcSameMinuteCount" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "frameRowId" TEXT,
ADD COLUMN     "interpretedInto" TEXT,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "locationAccuracy" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "reviewStatus" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateTable
CREATE TABLE "ResponseFlag" (
    "responseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResponseFlag_pkey" PRIMARY KEY ("responseId","code")
);

-- CreateTable
CREATE TABLE "BackCheck" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "enumeratorId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "drawnAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" TEXT,
    "note" TEXT,
    "checkedById" TEXT,
    "checkedAt" TIMESTAMP(3),

    CONSTRAINT "BackCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParRule" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundReport" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "RoundReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackCheck_responseId_key" ON "BackCheck"("responseId");

-- CreateIndex
CREATE INDEX "BackCheck_roundId_enumeratorId_idx" ON "BackCheck"("roundId", "enumeratorId");

-- CreateIndex
CREATE UNIQUE INDEX "ParRule_year_level_key" ON "ParRule"("year", "level");

-- CreateIndex
CREATE UNIQUE INDEX "RoundReport_roundId_key" ON "RoundReport"("roundId");

-- CreateIndex
CREATE INDEX "Response_roundId_recordedById_idx" ON "Response"("roundId", "recordedById");

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_previousRoundId_fkey" FOREIGN KEY ("previousRoundId") REFERENCES "Round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseFlag" ADD CONSTRAINT "ResponseFlag_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackCheck" ADD CONSTRAINT "BackCheck_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackCheck" ADD CONSTRAINT "BackCheck_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundReport" ADD CONSTRAINT "RoundReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

