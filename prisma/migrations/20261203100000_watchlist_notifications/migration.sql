-- Watchlist and notifications (issue 18): lib/watchlist, lib/notifications.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "email" TEXT,
ADD COLUMN "watchlistSeenAt" TIMESTAMP(3),
ADD COLUMN "feedToken" TEXT;

-- CreateTable
CREATE TABLE "Watch" (
    "userId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("userId","articleId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" INTEGER,
    "articleId" INTEGER,
    "proposalId" INTEGER,
    "fromRevisionId" INTEGER,
    "toRevisionId" INTEGER,
    "talkTopicId" INTEGER,
    "talkPostId" INTEGER,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "web" BOOLEAN NOT NULL,
    "email" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","type")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" SERIAL NOT NULL,
    "notificationId" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationFanout" (
    "id" SERIAL NOT NULL,
    "event" JSONB NOT NULL,
    "notified" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "NotificationFanout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationFanout_doneAt_id_idx" ON "NotificationFanout"("doneAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "User_feedToken_key" ON "User"("feedToken");

-- CreateIndex
CREATE INDEX "Watch_articleId_userId_idx" ON "Watch"("articleId", "userId");

-- CreateIndex
CREATE INDEX "Notification_recipientId_id_idx" ON "Notification"("recipientId", "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_sentAt_nextAttemptAt_idx" ON "EmailOutbox"("sentAt", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- lib/notifications/types.ts (NOTIFICATION_TYPES)
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_type_check"
  CHECK ("type" IN ('proposal_approved', 'proposal_partially_approved', 'proposal_rejected', 'proposal_changes_requested',
    'proposal_commented', 'proposal_outdated', 'proposal_new', 'talk_reply', 'talk_mention', 'edit_reverted'));
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_type_check"
  CHECK ("type" IN ('proposal_approved', 'proposal_partially_approved', 'proposal_rejected', 'proposal_changes_requested',
    'proposal_commented', 'proposal_outdated', 'proposal_new', 'talk_reply', 'talk_mention', 'edit_reverted'));
