// The coordinator's communication work (issue 4's "Escalation and communication", seed 000): payroll
// escalation tickets, chat exports and inbound e-mail onto the worker's timeline, Level-1 knowledge
// articles and Level II questions, and their tables' migrations. One object per platform, beside WorkforceService.
#pragma once

#include <vector>

#include "store/migrate.h"
#include "workforce/knowledge_base.h"
#include "workforce/payroll_tickets.h"
#include "workforce/timeline_imports.h"

namespace concord::workforce {

struct Comms {
  explicit Comms(store::Database& db) : payroll(db), imports(db), knowledge(db) {}
  PayrollTickets payroll;
  TimelineImports imports;
  KnowledgeBase knowledge;
};

// Migration ids "wf_comms_…" (after the workforce tables they refer to).
std::vector<store::Migration> CommsMigrations();

}  // namespace concord::workforce
