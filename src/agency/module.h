// The agency module as the platform holds it: its services, sharing one database.
#pragma once

#include "agency/account_reports.h"
#include "agency/expenses.h"
#include "agency/meetings.h"
#include "agency/service.h"

namespace concord::agency {

struct Module {
  explicit Module(store::Database& db, Clock clock = {}) : service(db, std::move(clock)), meetings(db, service), expenses(db, service), account_reports(db, service) {}
  AgencyService service;
  MeetingService meetings;
  ExpenseService expenses;
  AccountReportService account_reports;

  // The background jobs of the module: exports of its lists and the weekly account status reports.
  void RegisterJobs(jobs::Registry& registry) {
    RegisterExportJob(registry, service.exports);
    account_reports.RegisterJobs(registry);
  }
};

}  // namespace concord::agency
