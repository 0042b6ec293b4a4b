export function configuredOrigins(env?: Record<string, string | undefined>): string[];
export function hostProblem(
  host: string | null | undefined,
  options?: { env?: Record<string, string | undefined>; port?: number },
): string | null;
