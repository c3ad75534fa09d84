#include "agency/time_rule.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <map>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

constexpr int64_t kMinutesPerDay = 24 * 60;

Status PeriodLockCheck(Date work_date, const EditPermissions& permissions) {
  if (!permissions.locked_through || permissions.may_override_lock || work_date > *permissions.locked_through) {
    return {};
  }
  return InvalidAt(
      "time.period_locked", "work_date",
      fmt::format("time on {} is in a locked period (locked through {})", work_date, *permissions.locked_through));
}

// The checks on an entry's own fields; `today` is the local date of the entry or edit.
Status CheckFields(const TimeEntry& entry, Date today) {
  if (entry.minutes < 1 || entry.minutes > kMinutesPerDay) {
    return InvalidAt("time.minutes_invalid", "minutes",
                     fmt::format("{} minutes: an entry is 1 to {} minutes", entry.minutes, kMinutesPerDay));
  }
  if (entry.work_date > today) {
    return InvalidAt("time.work_date_in_future", "work_date",
                     fmt::format("work on {} cannot be entered on {}", entry.work_date, today));
  }
  return {};
}

}  // namespace

Date EntryDeadlineDate(const TimePolicy& policy, Date work_date) {
  return policy.calendar.AddBusinessDays(work_date, policy.entry_window_business_days);
}

Instant LateFrom(const TimePolicy& policy, Date work_date) {
  const Date next_day = EntryDeadlineDate(policy, work_date).AddDays(1);
  const date::time_zone* zone = date::locate_zone(policy.calendar.time_zone);
  const date::local_seconds midnight{next_day.sys_days().time_since_epoch()};
  // earliest: for a nonexistent midnight (clocks jump forward at 00:00) this is the jump itself, the first
  // instant whose local date is next_day; midnight is never ambiguous in practice, and earliest is right then.
  return Instant(zone->to_sys(midnight, date::choose::earliest));
}

bool IsLate(const TimePolicy& policy, Date work_date, Instant entered_at) {
  return policy.calendar.LocalDate(entered_at) > EntryDeadlineDate(policy, work_date);
}

Money TimeAmount(int64_t minutes, const Money& hourly_rate) {
  const Decimal value = Decimal::FromInt(minutes) * hourly_rate.amount();
  // Divide by 60 straight to the minor unit: one rounding, HalfUp (see the header).
  return Money(
      Decimal::Divide(value, Decimal::FromInt(60), Money::MinorUnits(hourly_rate.currency()), Rounding::kHalfUp)
          .value(),
      hourly_rate.currency());
}

std::vector<OnTimeStats> OnTimeByPerson(std::span<const TimeEntry> entries, const TimePolicy& policy) {
  std::map<std::string, OnTimeStats> by_person;
  for (const TimeEntry& e : entries) {
    OnTimeStats& s = by_person[e.person];
    s.person = e.person;
    ++s.entries;
    if (IsLate(policy, e.work_date, e.entered_at)) ++s.late;
  }
  std::vector<OnTimeStats> out;
  for (auto& [person, s] : by_person) {
    s.on_time_percent =
        Decimal::Divide(Decimal::FromInt((s.entries - s.late) * 100), Decimal::FromInt(s.entries), 1, Rounding::kHalfUp)
            .value();
    out.push_back(std::move(s));
  }
  return out;
}

Status CheckNewEntry(const TimeEntry& entry, const TimePolicy& policy, const EditPermissions& permissions) {
  TRY(CheckFields(entry, policy.calendar.LocalDate(entry.entered_at)));
  return PeriodLockCheck(entry.work_date, permissions);
}

Status CheckEdit(const TimeEntry& before, const TimeEntry& after, Instant edited_at, const TimePolicy& policy,
                 const EditPermissions& permissions) {
  if (IsFrozen(before.state)) {
    return ConflictAt(
        "time.frozen", "state",
        fmt::format("{}'s entry for {} on {} is {} and cannot be changed", before.person, before.job_number,
                    before.work_date, before.state == TimeEntryState::kApproved ? "approved" : "invoiced"));
  }
  TRY(PeriodLockCheck(before.work_date, permissions));
  TRY(CheckFields(after, policy.calendar.LocalDate(edited_at)));
  return PeriodLockCheck(after.work_date, permissions);
}

}  // namespace concord::agency
