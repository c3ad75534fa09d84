// Key dates of an account: what comes up next.

/** The soonest key date from today (yearly dates roll to their next occurrence). */
export function nextKeyDate(dates: { date: string; label: string; yearly: boolean }[], today = new Date().toISOString().slice(0, 10)) {
  const upcoming = dates
    .map((d) => {
      if (!d.yearly || d.date >= today) return { ...d, on: d.date }
      const year = Number(today.slice(0, 4))
      const thisYear = `${year}${d.date.slice(4)}`
      return { ...d, on: thisYear >= today ? thisYear : `${year + 1}${d.date.slice(4)}` }
    })
    .filter((d) => d.on >= today)
    .sort((a, b) => a.on.localeCompare(b.on))
  return upcoming.length ? `${upcoming[0].on} · ${upcoming[0].label}` : '—'
}
