import "server-only";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-rules";
import { nameKeyOf, nameSkeletonOf, normalizeUsername, usernameProblem } from "../auth/usernames";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

/**
 * Registers an account. Usernames are unique case-insensitively (and across
 * Unicode compatibility forms); every rule failure says which rule.
 */
export async function registerUser(options: {
  name: string;
  password: string;
  db?: Db;
}): Promise<{ id: number; name: string }> {
  const db = options.db ?? getDb();
  const nameIssue = usernameProblem(options.name);
  if (nameIssue) throw new WikiError("bad_request", nameIssue, { field: "username" });
  const name = normalizeUsername(options.name);
  const passwordIssue = passwordProblem(options.password, name);
  if (passwordIssue) throw new WikiError("bad_request", passwordIssue, { field: "password" });
  const nameKey = nameKeyOf(name);
  if (await db.user.findUnique({ where: { nameKey }, select: { id: true } })) {
    throw new WikiError("conflict", "That username is taken.", { field: "username" });
  }
  const nameSkeleton = nameSkeletonOf(name);
  const refuseLookalike = async () => {
    const original = await db.user.findUnique({ where: { nameSkeleton }, select: { name: true } });
    if (original)
      throw new WikiError("conflict", `That username looks like the existing user '${original.name}'.`, {
        field: "username",
        original: original.name,
      });
  };
  await refuseLookalike();
  const passwordHash = await hashPassword(options.password);
  try {
    return await db.user.create({
      data: { name, nameKey, nameSkeleton, passwordHash },
      select: { id: true, name: true },
    });
  } catch (error) {
    // Two registrations of one name (or look-alikes) at once: the unique indexes decide.
    if ((error as { code?: string }).code === "P2002") {
      await refuseLookalike();
      throw new WikiError("conflict", "That username is taken.", { field: "username" });
    }
    throw error;
  }
}
