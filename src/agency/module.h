// The agency module as the platform holds it: its services, sharing one database.
#pragma once

#include "agency/meetings.h"
#include "agency/service.h"

namespace concord::agency {

struct Module {
  explicit Module(store::Database& db, Clock clock = {}) : service(db, std::move(clock)), meetings(db, service) {}
  AgencyService service;
  MeetingService meetings;
};

}  // namespace concord::agency
