-- AlterTable
ALTER TABLE "User" ADD COLUMN     "blockExpiresAt" TIMESTAMP(3),
ADD COLUMN     "blockReason" TEXT,
ADD COLUMN     "blockedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RightsLog" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "targetId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "group" TEXT,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RightsLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RightsLog_targetId_id_idx" ON "RightsLog"("targetId", "id" DESC);

-- AddForeignKey
ALTER TABLE "RightsLog" ADD CONSTRAINT "RightsLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsLog" ADD CONSTRAINT "RightsLog_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
