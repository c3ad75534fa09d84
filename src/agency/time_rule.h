// Billable time: the "entered within N business days" rule, on-time compliance per person, and the guards
// that refuse edits to locked periods and frozen (approved or invoiced) entries.
//
// The lateness rule. Work done on local date D must be entered by the end of the N-th business day after D
// (N = 3 by default; the seed: "enters record of billable time within 3 days"), in the agency's time zone
// and business calendar (weekends and holidays do not count). D itself never counts, even when it is a
// business day, and work on a weekend is due N business days after that weekend day. "End of day" is local
// midnight, so the rule is date-based: an entry made at instant E is late exactly when E's local date in
// the agency's zone is after the deadline date. Comparing local dates (rather than adding a fixed UTC
// offset) is what keeps the boundary right across daylight-saving changes.
//
// Late entries are accepted and flagged (reminders and the compliance report use the flag); refusing them
// would lose billable work. Only the period lock refuses by date.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::agency {

struct TimePolicy {
  // The agency's calendar: its IANA zone, working weekdays and holidays. Must pass Validate().
  BusinessCalendar calendar;
  int entry_window_business_days = 3;
};

// The last local date on which an entry for `work_date` is on time: AddBusinessDays(work_date, N).
Date EntryDeadlineDate(const TimePolicy& policy, Date work_date);
// The first instant at which an entry for `work_date` is late: local midnight starting the day after the
// deadline date (when midnight does not exist because the clocks jump there, the instant of the jump).
Instant LateFrom(const TimePolicy& policy, Date work_date);
// True when an entry for `work_date` made at `entered_at` is late (see the file comment).
bool IsLate(const TimePolicy& policy, Date work_date, Instant entered_at);

// An entry's life: open (being edited) -> submitted -> approved -> invoiced. Approved and invoiced entries are
// frozen: what was approved or billed is never edited (corrections go through a new entry or a credit note).
enum class TimeEntryState { kOpen, kSubmitted, kApproved, kInvoiced };
inline bool IsFrozen(TimeEntryState s) { return s == TimeEntryState::kApproved || s == TimeEntryState::kInvoiced; }

struct TimeEntry {
  std::string person;  // who did the work
  std::string job_number;
  std::string service;  // the service or role billed ("design")
  Date work_date;       // local date the work was done
  int64_t minutes = 0;  // duration in whole minutes
  bool billable = true;
  Instant entered_at;  // when it was first entered (never changes on later edits)
  TimeEntryState state = TimeEntryState::kOpen;
};

// The value of `minutes` at `hourly_rate`: minutes × rate / 60 rounded to the currency's minor unit with
// HalfUp, once, on the total of the minutes given. Callers sum the minutes of one printed line (one rate)
// before calling, so every printed line is rounded once, like an estimate line.
Money TimeAmount(int64_t minutes, const Money& hourly_rate);

// ---- Compliance -----------------------------------------------------------------------------------------

struct OnTimeStats {
  std::string person;
  int entries = 0;
  int late = 0;
  // (entries − late) × 100 / entries, one decimal, HalfUp (display: 2 of 3 on time shows 66.7).
  Decimal on_time_percent;
};

// Each person's on-time record over `entries` (billable and non-billable alike: the rule is about entering
// time promptly), sorted by person. People with no entries do not appear.
std::vector<OnTimeStats> OnTimeByPerson(std::span<const TimeEntry> entries, const TimePolicy& policy);

// ---- Edit guards ----------------------------------------------------------------------------------------

struct EditPermissions {
  // Entries with work_date on or before this date are locked (an admin closes a period, e.g. a month end).
  std::optional<Date> locked_through;
  // The caller holds the "edit locked periods" permission: the lock does not apply to them. It never
  // unfreezes an approved or invoiced entry.
  bool may_override_lock = false;
};

// Validates a new entry. Errors (422 unless noted), each at its field:
//   time.minutes_invalid      (minutes)   not 1..1440
//   time.work_date_in_future  (work_date) work_date after the local date of entered_at
//   time.period_locked        (work_date) work_date on or before the lock date, without the override
Status CheckNewEntry(const TimeEntry& entry, const TimePolicy& policy, const EditPermissions& permissions);

// Validates changing `before` into `after` at `edited_at` (for a delete, pass after == before). Errors:
//   time.frozen          (409, state)  `before` is approved or invoiced; no permission overrides this
//   time.period_locked   (work_date)   `before` or `after` falls in the locked period, without the override
//                                      (moving an entry out of, or into, a closed period both change it)
//   time.minutes_invalid, time.work_date_in_future (against the local date of edited_at) on `after`.
Status CheckEdit(const TimeEntry& before, const TimeEntry& after, Instant edited_at, const TimePolicy& policy,
                 const EditPermissions& permissions);

}  // namespace concord::agency
