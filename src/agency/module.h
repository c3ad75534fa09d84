// The agency module as the platform holds it: its services, sharing one database.
#pragma once

#include "agency/expenses.h"
#include "agency/meetings.h"
#include "agency/service.h"

namespace concord::agency {

struct Module {
  explicit Module(store::Database& db, Clock clock = {}) : service(db, std::move(clock)), meetings(db, service), expenses(db, service) {}
  AgencyService service;
  MeetingService meetings;
  ExpenseService expenses;

  // The background jobs of the module: exports of its lists.
  void RegisterJobs(jobs::Registry& registry) { RegisterExportJob(registry, service.exports); }
};

}  // namespace concord::agency
