export function contentSecurityPolicy(scripts: { nonce: string; development: boolean } | "none"): string;
export function securityHeaders(policy: string, https: boolean): Record<string, string>;
export const SCRIPT_FREE_PAGES: RegExp;
