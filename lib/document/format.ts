const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as a reader expects it: "5 December 2024". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  if (!month) return year;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A moment as MediaWiki's history shows it, in UTC: "16:48, 21 December 2024". */
export function formatTimestamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(11, 16)}, ${formatDate(iso.slice(0, 10))}`;
}

/** Days from `start` to `end` (ISO dates), or null when either is not a full date. */
export function daysBetween(start: string, end: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return null;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/** A heading anchor as Wikipedia makes them: spaces become underscores. */
export function anchorOfTitle(title: string): string {
  return title.trim().replace(/\s+/g, "_");
}
