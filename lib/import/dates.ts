const MONTHS: Record<string, number> = {};
[
  ["january", "jan", "januar", "jänner"],
  ["february", "feb", "februar"],
  ["march", "mar", "märz", "maerz"],
  ["april", "apr"],
  ["may", "mai"],
  ["june", "jun", "juni"],
  ["july", "jul", "juli"],
  ["august", "aug"],
  ["september", "sep", "sept"],
  ["october", "oct", "oktober", "okt"],
  ["november", "nov"],
  ["december", "dec", "dezember", "dez"],
].forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

const pad = (n: number) => String(n).padStart(2, "0");

function iso(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (month === undefined) return String(year).padStart(4, "0");
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return `${String(year).padStart(4, "0")}-${pad(month)}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > last) return null;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as citation templates write it ("2 December 2024", "December 2, 2024",
 * "2024-12-02", "Dec 2024", "2024", "2. Dezember 2024") as an ISO date of the
 * precision given, or null when it is not one date (a range, "n.d.", a season).
 */
export function isoDateOf(value: string): string | null {
  const text = value
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/,/g, "")
    .toLowerCase();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) return iso(Number(match[1]), Number(match[2]));
  match = /^(\d{4})$/.exec(text);
  if (match) return iso(Number(match[1]));
  match = /^(\d{1,2})\.? ([a-zäö]+)\.? (\d{4})$/.exec(text);
  if (match && MONTHS[match[2]]) return iso(Number(match[3]), MONTHS[match[2]], Number(match[1]));
  match = /^([a-zäö]+)\.? (\d{1,2}) (\d{4})$/.exec(text);
  if (match && MONTHS[match[1]]) return iso(Number(match[3]), MONTHS[match[1]], Number(match[2]));
  match = /^([a-zäö]+)\.? (\d{4})$/.exec(text);
  if (match && MONTHS[match[1]]) return iso(Number(match[2]), MONTHS[match[1]]);
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (match) return iso(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}
