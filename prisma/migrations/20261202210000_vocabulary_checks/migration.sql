-- Closed vocabularies: the database refuses any value the code does not know, so a typo or a
-- forgotten case cannot write a status no reader handles. Each list is the `as const` list of
-- the module named beside it; lib/db/vocabularies.db.test.ts checks that the two agree.

-- lib/proposals/status.ts
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_status_check"
  CHECK ("status" IN ('open', 'changes_requested', 'approved', 'partially_approved', 'rejected', 'withdrawn'));

-- lib/proposals/review-action.ts
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_action_check"
  CHECK ("action" IN ('approve', 'partial', 'reject', 'request_changes'));

-- lib/authz/levels.ts
ALTER TABLE "Article" ADD CONSTRAINT "Article_protectionLevel_check"
  CHECK ("protectionLevel" IN ('none', 'semi', 'extended', 'full'));
ALTER TABLE "ProtectionLog" ADD CONSTRAINT "ProtectionLog_level_check"
  CHECK ("level" IN ('none', 'semi', 'extended', 'full'));
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_protectionLevel_check"
  CHECK ("protectionLevel" IN ('none', 'semi', 'extended', 'full'));

-- lib/authz/groups.ts (GRANTABLE_GROUPS: the implicit groups are never stored)
ALTER TABLE "UserGroup" ADD CONSTRAINT "UserGroup_group_check"
  CHECK ("group" IN ('extendedconfirmed', 'reviewer', 'admin'));
ALTER TABLE "RightsLog" ADD CONSTRAINT "RightsLog_group_check"
  CHECK ("group" IN ('extendedconfirmed', 'reviewer', 'admin'));

-- lib/users/rights-action.ts
ALTER TABLE "RightsLog" ADD CONSTRAINT "RightsLog_action_check"
  CHECK ("action" IN ('grant', 'revoke', 'block', 'unblock'));

-- lib/articles/revision-tags.ts
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_tags_check"
  CHECK ("tags" <@ ARRAY['merged', 'undo', 'restore', 'partially approved']::TEXT[]);

-- lib/articles/content-store.ts (BLOB_KINDS)
ALTER TABLE "ContentBlob" ADD CONSTRAINT "ContentBlob_kind_check"
  CHECK ("kind" IN ('section', 'reference', 'infobox', 'chunk', 'root'));
