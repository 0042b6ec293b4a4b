import { nameKeyOf } from "../lib/auth/usernames";
import type { Group } from "../lib/authz/groups";
import { IMPLICIT_GROUP_THRESHOLDS } from "../lib/authz/rules";
import type { Db } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent, Reference, Section } from "../lib/document/model";

/** A deterministic pseudo-random generator (mulberry32), so generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "forces city village army offensive rebels government countryside airport road district fighting reported according monitor advance withdrawal reinforcements civilians clashes northern eastern southern western governorate brigade division airstrike frontline town highway control defence command".split(
    " ",
  );

/**
 * A generated article: `sections` sections of about `sectionChars` characters,
 * `references` references cited about once per 150 characters (many reused),
 * an infobox and a few notes. Deterministic for a given seed.
 */
export function generateArticle(options: {
  title?: string;
  sections: number;
  references: number;
  sectionChars: number;
  seed?: number;
}): ArticleContent {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const references: Reference[] = Array.from({ length: options.references }, (_, index) => ({
    key: `ref-${index}`,
    title: `Report ${index} on the ${pick(WORDS)} ${pick(WORDS)}`,
    url: `https://news.example.org/${index}/${pick(WORDS)}`,
    work: pick(["The Monitor", "Daily Wire Service", "Regional Times", "Observer"]),
    date: `2024-12-${String(1 + (index % 28)).padStart(2, "0")}`,
    accessDate: "2024-12-20",
  }));
  let nextRef = 0;
  const citeKey = () =>
    random() < 0.5 && nextRef < references.length
      ? `ref-${nextRef++}`
      : `ref-${Math.floor(random() * Math.max(1, Math.min(nextRef, references.length)))}`;
  const sentence = () => {
    const words = Array.from({ length: 10 + Math.floor(random() * 14) }, () => pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(" ")}.`;
  };
  const paragraph = (chars: number) => {
    let text = "";
    let sinceCitation = 0;
    while (text.length < chars) {
      const next = sentence();
      text += (text ? " " : "") + next;
      sinceCitation += next.length;
      if (sinceCitation >= 150) {
        text += `[[ref:${citeKey()}]]`;
        sinceCitation = 0;
      }
    }
    return text;
  };
  const sections: Section[] = Array.from({ length: options.sections }, (_, index) => {
    const paragraphs = Math.max(1, Math.round(options.sectionChars / 700));
    const blocks = Array.from({ length: paragraphs }, () => paragraph(options.sectionChars / paragraphs));
    if (index === 1) blocks[0] += " [[note:A note with its own source[[ref:ref-0]]]]";
    return {
      id: `s${index}`,
      title: index === 0 ? "" : `Section ${index} ${pick(WORDS)}`,
      // A level-2 section, then three level-3 subsections, and again.
      level: index === 0 ? 0 : index % 4 === 1 ? 2 : 3,
      body: docFromMarkup(blocks),
    };
  });
  const content: ArticleContent = {
    title: options.title ?? "Generated article",
    infobox: {
      kind: "military conflict",
      title: options.title ?? "Generated article",
      dateStart: "2024-11-30",
      dateEnd: "2024-12-05",
      rows: [
        { kind: "field", label: "Location", value: docFromMarkup("Somewhere[[ref:ref-0]]") },
        { kind: "sides", label: "Belligerents", sides: [docFromMarkup("Side A"), docFromMarkup("Side B")] },
      ],
    },
    sections,
    references,
  };
  // Keep only references that ended up cited, as a saved revision would.
  const cited = new Set(
    JSON.stringify(content)
      .match(/"refKey":"ref-\d+"/g)
      ?.map((match) => match.slice(10, -1)),
  );
  return { ...content, references: references.filter((reference) => cited.has(reference.key)) };
}

let userCounter = 0;

/** A user as tests sign in with it. */
export type TestUser = { id: number; name: string };

/** The groups a user holds by account age and edit count alone (lib/authz/rules.ts). */
export type Standing = "user" | "autoconfirmed" | "extendedconfirmed";

/**
 * Account age and edit count that give exactly `standing`: a day past the
 * thresholds of lib/authz/rules.ts (so a changed threshold moves the test
 * users with it), or a new account with no edits.
 */
function experienceFor(standing: Standing): { ageDays: number; editCount: number } {
  if (standing === "user") return { ageDays: 1, editCount: 0 };
  const { days, edits } = IMPLICIT_GROUP_THRESHOLDS[standing];
  return { ageDays: days + 1, editCount: edits };
}

/**
 * A user in one of the groups of lib/authz/rules.ts. `user`, `autoconfirmed`
 * and `extendedconfirmed` come from age and edits; `reviewer` and `admin` are
 * granted, on an account of `standing` (by default an autoconfirmed reviewer
 * and an extended-confirmed admin). `blocked`: the reason of an indefinite block.
 */
export async function makeUser(
  db: Db,
  options: { name?: string; role?: Group; standing?: Standing; blocked?: string } = {},
) {
  const role = options.role ?? "user";
  const granted = role === "reviewer" || role === "admin";
  const standing = options.standing ?? (role === "admin" ? "extendedconfirmed" : granted ? "autoconfirmed" : role);
  const user = await createUser(db, { name: options.name, ...experienceFor(standing as Standing) });
  if (granted) await db.userGroup.create({ data: { userId: user.id, group: role } });
  if (options.blocked)
    await db.user.update({ where: { id: user.id }, data: { blockedAt: new Date(), blockReason: options.blocked } });
  return user;
}

/**
 * Creates a user with the given age and edit count (password hash is a placeholder: not for sign-in tests).
 * Tests of rights use makeUser, which names the group instead of the numbers that give it.
 */
export async function createUser(db: Db, overrides: { name?: string; ageDays?: number; editCount?: number } = {}) {
  userCounter += 1;
  const name = overrides.name ?? `user${userCounter}_${Math.random().toString(36).slice(2, 8)}`;
  return db.user.create({
    data: {
      name,
      nameKey: nameKeyOf(name),
      passwordHash: "$argon2id$placeholder",
      editCount: overrides.editCount ?? 0,
      createdAt: new Date(Date.now() - (overrides.ageDays ?? 0) * 86_400_000),
    },
  });
}
