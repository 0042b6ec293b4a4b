import type { ProtectionLevel } from "@/lib/authz/levels";
import { describeProtection } from "@/lib/authz/rules";
import { formatDate } from "@/lib/document/format";

/** A padlock in the protection level's colour. */
export function Padlock({ level }: { level: ProtectionLevel }) {
  const { name } = describeProtection(level);
  return (
    <svg
      className={`padlock padlock-${level}`}
      viewBox="0 0 20 24"
      width="18"
      height="22"
      role="img"
      aria-label={`This article is ${name}`}
    >
      <title>{`This article is ${name}`}</title>
      <path d="M5 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" strokeWidth="2.4" />
      <rect x="1.5" y="10" width="17" height="13" rx="2.5" fill="currentColor" />
    </svg>
  );
}

/** The notice under the title of a protected article: level, who may edit, until when and why. */
export function ProtectionNotice({
  level,
  expiresAt,
  reason,
}: {
  level: ProtectionLevel;
  expiresAt: Date | null;
  reason: string | null;
}) {
  if (level === "none") return null;
  const { name, whoMayEdit } = describeProtection(level);
  return (
    <div className={`protection-notice protection-${level}`} role="note">
      <Padlock level={level} />
      <p>
        <b>This article is {name}</b>
        {expiresAt ? ` until ${formatDate(expiresAt.toISOString().slice(0, 10))}` : ""}: {whoMayEdit}.
        {level !== "full"
          ? " Other signed-in users can propose changes for review."
          : " Other signed-in users can propose changes for review by an administrator."}
        {reason ? <span className="protection-reason"> Reason: {reason}</span> : null}
      </p>
    </div>
  );
}
