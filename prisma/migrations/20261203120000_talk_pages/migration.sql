-- Talk pages (lib/talk): topics with threaded posts per article, mentions, and the
-- talk topic a proposal cites as where consensus was reached.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "talkTopicCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "talkTopicId" INTEGER;

-- CreateTable
CREATE TABLE "TalkTopic" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TalkTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TalkPost" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" INTEGER,

    CONSTRAINT "TalkPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TalkMention" (
    "postId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "TalkMention_pkey" PRIMARY KEY ("postId","userId")
);

-- CreateIndex
CREATE INDEX "Proposal_talkTopicId_idx" ON "Proposal"("talkTopicId");

-- CreateIndex
CREATE INDEX "TalkTopic_articleId_id_idx" ON "TalkTopic"("articleId", "id");

-- CreateIndex
CREATE INDEX "TalkPost_topicId_id_idx" ON "TalkPost"("topicId", "id");

-- CreateIndex
CREATE INDEX "TalkMention_userId_postId_idx" ON "TalkMention"("userId", "postId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_talkTopicId_fkey" FOREIGN KEY ("talkTopicId") REFERENCES "TalkTopic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkTopic" ADD CONSTRAINT "TalkTopic_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkTopic" ADD CONSTRAINT "TalkTopic_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkPost" ADD CONSTRAINT "TalkPost_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "TalkTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkPost" ADD CONSTRAINT "TalkPost_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "TalkPost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkPost" ADD CONSTRAINT "TalkPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkPost" ADD CONSTRAINT "TalkPost_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkMention" ADD CONSTRAINT "TalkMention_postId_fkey" FOREIGN KEY ("postId") REFERENCES "TalkPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkMention" ADD CONSTRAINT "TalkMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
