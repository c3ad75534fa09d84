// The coordinator's communication work (issue 4's "Escalation and communication", seed 000): payroll
// escalation tickets, and their tables' migrations. One object per platform, beside WorkforceService.
#pragma once

#include <vector>

#include "store/migrate.h"
#include "workforce/payroll_tickets.h"

namespace concord::workforce {

struct Comms {
  explicit Comms(store::Database& db) : payroll(db) {}
  PayrollTickets payroll;
};

// Migration ids "wf_comms_…" (after the workforce tables they refer to).
std::vector<store::Migration> CommsMigrations();

}  // namespace concord::workforce
