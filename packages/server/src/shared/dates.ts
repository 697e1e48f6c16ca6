const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Vietnam as yyyy-mm-dd, whatever the server's time zone. */
export function vnToday(): string {
  return VN_DATE.format(new Date());
}

/** 'infinity' is how open intervals are stored; the API says null instead. */
export function openEnd(d: string | null): string | null {
  return d === null || d === 'infinity' ? null : d;
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
