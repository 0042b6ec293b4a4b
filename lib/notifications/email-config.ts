import "server-only";

/** The SMTP server notification emails go through, from the environment; null when email is off (the default). */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

/**
 * Email is on only when `WIKI_SMTP_HOST` names a server (README, Notifications):
 * a deployment without one never writes outbox rows, so nothing piles up.
 */
export function smtpConfig(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  const host = env.WIKI_SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.WIKI_SMTP_PORT ?? 587);
  return {
    host,
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 587,
    secure: env.WIKI_SMTP_SECURE === "1" || env.WIKI_SMTP_SECURE === "true",
    user: env.WIKI_SMTP_USER || null,
    password: env.WIKI_SMTP_PASSWORD || null,
    from: env.WIKI_MAIL_FROM || `Wiki <wiki@${host}>`,
  };
}
