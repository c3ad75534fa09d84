#include "workforce/deliverable_records.h"

namespace concord::workforce {

const TableMap& DeliverableTable() {
  using K = ColumnKind;
  static const TableMap map{
      "deliverable",
      "wf_deliverables",
      {{"client_id", K::kInt},       {"assignment_id", K::kInt}, {"worker_id", K::kInt},
       {"title", K::kText},          {"description", K::kText},  {"due_date", K::kText},
       {"amount", K::kText},         {"currency", K::kText},     {"status", K::kText},
       {"submitted_at", K::kText},   {"submitted_by", K::kText}, {"decided_at", K::kText},
       {"decided_by", K::kText},     {"reject_reason", K::kText}},
      {{"worker_name", "(SELECT w.first_name || ' ' || w.last_name FROM wf_workers w WHERE w.id = t.worker_id)"},
       {"client_name", "(SELECT c.legal_name FROM clients c WHERE c.id = t.client_id)"},
       {"assignment_title", "(SELECT a.title FROM wf_assignments a WHERE a.id = t.assignment_id)"}},
      "",
      "worker_id",
      {"title", "worker_name", "description"},
      {"due_date", "title", "status", "worker_name", "client_name", "updated_at"},
      "due_date"};
  return map;
}

const InputSpec& DeliverableInput() {
  static const InputSpec spec{{"assignment_id", FieldKind::kId, true},
                              {"title", FieldKind::kText, true},
                              {"description", FieldKind::kLongText},
                              {"due_date", FieldKind::kDate, true},
                              {"amount", FieldKind::kMoney},
                              {"currency", FieldKind::kText}};
  return spec;
}

}  // namespace concord::workforce
