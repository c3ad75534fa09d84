#include "workforce/comms_records.h"

#include "workforce/knowledge.h"
#include "workforce/payroll_ticket.h"

namespace concord::workforce {
namespace {
using K = ColumnKind;
}  // namespace

const TableMap& PayrollTicketTable() {
  static const TableMap map{
      "payroll_ticket",
      "wf_payroll_tickets",
      {{"client_id", K::kInt},
       {"worker_id", K::kInt},
       {"assignment_id", K::kInt},
       {"kind", K::kText},
       {"status", K::kText},
       {"subject", K::kText},
       {"pay_period_start", K::kText},
       {"pay_period_end", K::kText},
       {"amount", K::kText},
       {"currency", K::kText},
       {"research_notes", K::kText},
       {"payroll_reference", K::kText},
       {"due_date", K::kText},
       {"opened_by", K::kText},
       {"sent_to_payroll_at", K::kText},
       {"resolution", K::kText},
       {"resolved_by", K::kText},
       {"resolved_at", K::kText}},
      {{"worker_name", "(SELECT w.first_name || ' ' || w.last_name FROM wf_workers w WHERE w.id = t.worker_id)"},
       {"client_name", "(SELECT c.legal_name FROM clients c WHERE c.id = t.client_id)"}},
      "",
      "worker_id",
      {"subject", "worker_name", "research_notes", "payroll_reference"},
      {"due_date", "status", "kind", "worker_name", "client_name", "created_at", "updated_at"},
      "due_date"};
  return map;
}

const InputSpec& PayrollTicketUpdateInput() {
  static const InputSpec spec{{"pay_period_start", FieldKind::kDate},
                              {"pay_period_end", FieldKind::kDate},
                              {"amount", FieldKind::kMoney},
                              {"currency", FieldKind::kText},
                              {"research_notes", FieldKind::kLongText},
                              {"payroll_reference", FieldKind::kText},
                              {"due_date", FieldKind::kDate}};
  return spec;
}

const InputSpec& PayrollTicketInput() {
  static const InputSpec spec = [] {
    InputSpec s{{"kind", FieldKind::kChoice, true, kPayrollTicketKinds},
                {"subject", FieldKind::kText, true},
                {"assignment_id", FieldKind::kId}};
    const auto& update = PayrollTicketUpdateInput();
    s.insert(s.end(), update.begin(), update.end());
    return s;
  }();
  return spec;
}

const TableMap& KnowledgeTable() {
  static const TableMap map{"knowledge_article",
                            "wf_kb_articles",
                            {{"title", K::kText},
                             {"topic", K::kText},
                             {"body", K::kText},
                             {"citations", K::kJson},
                             {"status", K::kText},
                             {"edited_by", K::kText}},
                            {},
                            // Client users read published articles (ids are positive, so 0 is never among them).
                            "t.status = 'published' AND 0 NOT IN ({ids})",
                            "",
                            {"title", "body"},
                            {"title", "topic", "status", "updated_at"},
                            "title"};
  return map;
}

const InputSpec& KnowledgeInput() {
  static const InputSpec spec{{"title", FieldKind::kText, true},
                              {"topic", FieldKind::kChoice, true, kKnowledgeTopics},
                              {"body", FieldKind::kLongText, true},
                              {"status", FieldKind::kChoice, false, kKnowledgeStatuses}};
  return spec;
}

}  // namespace concord::workforce
