// US federal legal public holidays (5 U.S.C. §6103(a)) and the observed-day rule for holidays that fall
// on a weekend (Executive Order 11582 §3(a); 5 U.S.C. §6103(b): Saturday → the Friday before, Sunday →
// the Monday after). Used as the business calendar of final-pay deadlines that move off non-business
// days (Tex. Lab. Code §61.014 read with Gov't Code §311.014).
//
// Pure. Thread-safe.
#pragma once

#include <set>

#include "core/calendar.h"
#include "core/date.h"

namespace concord::workforce {

// The observed dates of the eleven federal holidays of `year`.
std::set<Date> FederalHolidays(int year);
// Weekdays 09:00–17:00 UTC without the federal holidays of `from_year` … `from_year + 1`.
BusinessCalendar FederalBusinessCalendar(int from_year);

}  // namespace concord::workforce
