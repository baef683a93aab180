-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "bounds" TEXT;

-- CreateTable
CREATE TABLE "ResponseFlag" (
    "responseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("responseId", "code"),
    CONSTRAINT "ResponseFlag_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BackCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "enumeratorId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "drawnAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" TEXT,
    "note" TEXT,
    "checkedById" TEXT,
    "checkedAt" DATETIME,
    CONSTRAINT "BackCheck_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BackCheck_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RoundReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "RoundReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "planReference" TEXT NOT NULL,
    "planDate" DATETIME,
    "instrumentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "targetSampleSize" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "allocationRule" TEXT NOT NULL DEFAULT 'proportional',
    "allocationMinimum" INTEGER,
    "qcMinSecondsPerItem" REAL NOT NULL DEFAULT 2,
    "qcSameMinuteCount" INTEGER NOT NULL DEFAULT 3,
    "backCheckShare" REAL NOT NULL DEFAULT 0.1,
    "previousRoundId" TEXT,
    CONSTRAINT "Round_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_previousRoundId_fkey" FOREIGN KEY ("previousRoundId") REFERENCES "Round" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Round" ("allocationMinimum", "allocationRule", "code", "createdAt", "id", "instrumentId", "periodEnd", "periodStart", "planDate", "planReference", "status", "targetSampleSize", "title") SELECT "allocationMinimum", "allocationRule", "code", "createdAt", "id", "instrumentId", "periodEnd", "periodStart", "planDate", "planReference", "status", "targetSampleSize", "title" FROM "Round";
DROP TABLE "Round";
ALTER TABLE "new_Round" RENAME TO "Round";
CREATE UNIQUE INDEX "Round_code_key" ON "Round"("code");
CREATE TABLE "new_Response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currentStep" TEXT NOT NULL,
    "receiptCode" TEXT,
    "startedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "recordedById" TEXT,
    "doubleEntryOfId" TEXT,
    "interpretedInto" TEXT,
    "frameRowId" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "locationAccuracy" REAL,
    "receivedAt" DATETIME,
    "contentHash" TEXT,
    "reviewStatus" TEXT,
    "reviewReason" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    CONSTRAINT "Response_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Response_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Response_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Response_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Response" ("currentStep", "doubleEntryOfId", "id", "language", "mode", "receiptCode", "recordedById", "roundId", "startedAt", "status", "submittedAt", "unitId", "updatedAt") SELECT "currentStep", "doubleEntryOfId", "id", "language", "mode", "receiptCode", "recordedById", "roundId", "startedAt", "status", "submittedAt", "unitId", "updatedAt" FROM "Response";
DROP TABLE "Response";
ALTER TABLE "new_Response" RENAME TO "Response";
CREATE UNIQUE INDEX "Response_receiptCode_key" ON "Response"("receiptCode");
CREATE INDEX "Response_roundId_status_idx" ON "Response"("roundId", "status");
CREATE INDEX "Response_roundId_unitId_status_idx" ON "Response"("roundId", "unitId", "status");
CREATE INDEX "Response_roundId_recordedById_idx" ON "Response"("roundId", "recordedById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BackCheck_responseId_key" ON "BackCheck"("responseId");

-- CreateIndex
CREATE INDEX "BackCheck_roundId_enumeratorId_idx" ON "BackCheck"("roundId", "enumeratorId");

-- CreateIndex
CREATE UNIQUE INDEX "ParRule_year_level_key" ON "ParRule"("year", "level");

-- CreateIndex
CREATE UNIQUE INDEX "RoundReport_roundId_key" ON "RoundReport"("roundId");

