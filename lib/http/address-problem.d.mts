export function stringProblem(text: string): string | null;
export function addressProblem(url: URL): string | null;
