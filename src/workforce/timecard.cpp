#include "workforce/timecard.h"

namespace concord::workforce {

Result<WeekHours> ParseWeekHours(const nlohmann::json& hours) {
  std::vector<FieldError> errors;
  WeekHours out;
  out.hours = nlohmann::json::object();
  if (!hours.is_object()) {
    return Error::Invalid("request.invalid", "Hours must be an object of regular/overtime/double_time lists.",
                          {{"hours", "field.type", "Must be {\"regular\": [7 amounts], …}."}});
  }
  for (const auto& [type, value] : hours.items()) {
    if (type != "regular" && type != "overtime" && type != "double_time") {
      errors.push_back({"hours/" + type, "field.unknown", "Hour types are regular, overtime and double_time."});
    }
  }
  const Decimal max_day = Decimal::FromInt(24);
  std::vector<Decimal> per_day(7, Decimal::FromInt(0));
  for (const char* type : kHourTypes) {
    nlohmann::json days = nlohmann::json::array();
    Decimal sum = Decimal::FromInt(0);
    const auto it = hours.find(type);
    const bool given = it != hours.end() && !it->is_null();
    if (given && (!it->is_array() || it->size() != 7)) {
      errors.push_back({std::string("hours/") + type, "timecard.seven_days", "Give 7 amounts, Monday to Sunday."});
      continue;
    }
    for (int d = 0; d < 7; ++d) {
      Decimal amount = Decimal::FromInt(0);
      if (given) {
        const auto& v = (*it)[d];
        const std::string where = std::string("hours/") + type + "/" + std::to_string(d);
        Result<Decimal> parsed = v.is_number_integer() ? Result<Decimal>(Decimal::FromInt(v.get<int64_t>()))
                                 : v.is_string()       ? Decimal::Parse(v.get<std::string>())
                                                       : Result<Decimal>(Error::Invalid("field.type", "not an amount"));
        if (!parsed.ok() || parsed->IsNegative() || *parsed > max_day || parsed->scale() > 2) {
          errors.push_back({where, "timecard.bad_hours", "Hours are an amount from 0 to 24 with at most 2 decimals."});
          continue;
        }
        amount = *parsed;
      }
      per_day[d] += amount;
      sum += amount;
      days.push_back(amount.Rescale(2).ToString());
    }
    out.hours[type] = days;
    out.total += sum;
    if (std::string(type) == "regular") out.regular = sum;
    if (std::string(type) == "overtime") out.overtime = sum;
    if (std::string(type) == "double_time") out.double_time = sum;
  }
  for (int d = 0; d < 7; ++d) {
    if (per_day[d] > max_day) {
      errors.push_back({"hours/day " + std::to_string(d + 1), "timecard.day_over_24",
                        "A day has at most 24 hours (" + per_day[d].ToString() + " entered)."});
    }
  }
  if (!errors.empty()) return Error::Invalid("request.invalid", "The timecard has errors; see the fields.", errors);
  return out;
}

Date WeekStart(Date day) {
  return day.AddDays(-static_cast<int>(day.weekday().iso_encoding()) + 1);
}

Result<Date> ReminderWeek(Date today, std::optional<Date> chosen) {
  const Date this_week = WeekStart(today);
  if (!chosen) return this_week.AddDays(-7);
  const Date week = WeekStart(*chosen);
  if (!(week < this_week)) {
    return Error::Invalid("reminders.week_not_past", "Reminders cover a finished week.",
                          {{"week_start", "reminders.week_not_past",
                            "The week of " + week.ToString() + " has not ended; choose a week before " +
                                this_week.ToString() + "."}});
  }
  return week;
}

Result<std::string> NextTimecardStatus(const std::string& status, const std::string& action,
                                       const std::string& reason) {
  if (action == "submit" && (status == "draft" || status == "rejected")) return std::string("submitted");
  if (action == "approve" && status == "submitted") return std::string("approved");
  if (action == "reject" && status == "submitted") {
    if (reason.empty()) {
      return Error::Invalid("timecard.reason_required", "Say why the timecard is rejected.",
                            {{"reason", "timecard.reason_required", "Enter the reason for the rejection."}});
    }
    return std::string("rejected");
  }
  return Error::Conflict("timecard.invalid_action", "A " + status + " timecard cannot be " +
                                                        (action == "submit" ? "submitted" : action + "d") + ".");
}

}  // namespace concord::workforce
