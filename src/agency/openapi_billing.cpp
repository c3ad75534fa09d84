// OpenAPI component schemas of the agency's billing records: expenses, invoice payments and deliveries.
#include "agency/openapi_types.h"
#include "agency/routes.h"

namespace concord::agency {

nlohmann::json BillingSchemas() {
  using namespace openapi_types;
  const std::vector<std::string> states = {"submitted", "approved", "rejected", "invoiced"};
  // Recorded by hand (kDeliveryStatuses), or an e-mail's outbox state.
  std::vector<std::string> delivery_states = kDeliveryStatuses;
  delivery_states.insert(delivery_states.end(), {"queued", "held", "failed"});
  return {
      {"AgencyExpense",
       Object({{"id", Int()}, {"client_id", Int()}, {"job_id", Int()}, {"job_number", Str()},
               {"expense_date", Str()}, {"supplier", Str()}, {"category", Str()}, {"description", Str()},
               {"cost", Amount()}, {"currency", Str()}, {"markup_percent", Amount()}, {"billable", Bool()},
               {"amount", Amount()}, {"state", Enum(states)}, {"frozen", Bool()}, {"receipt_name", Str()},
               {"has_receipt", Bool()}, {"invoice_id", NullableInt()}, {"decided_by", Str()},
               {"decided_at", NullableStr()}, {"reject_reason", Str()}, {"created_by", Str()}, {"version", Int()},
               {"created_at", Str()}, {"updated_at", Str()}})},
      {"AgencyExpenseInput",
       Object({{"job_id", Int()}, {"expense_date", Str()}, {"supplier", Str()}, {"category", Str()},
               {"description", Str()}, {"cost", Amount()}, {"currency", Str()}, {"markup_percent", Amount()},
               {"billable", Bool()}})},
      {"AgencyCreditInput",
       Object({{"line_indexes", Array(Int())}, {"amount", Amount()}, {"reason", Str()}})},
      {"AgencyPayment", Object({{"id", Int()}, {"received_on", Str()}, {"amount", Amount()}, {"reference", Str()},
                                {"recorded_by", Str()}, {"created_at", Str()}})},
      {"AgencyDelivery", Object({{"id", Int()}, {"channel", Enum(kDeliveryChannels)}, {"status", Enum(delivery_states)},
                                 {"sent_to", Str()}, {"note", Str()}, {"recorded_by", Str()}, {"created_at", Str()},
                                 {"outbox_id", NullableInt()}})},
  };
}

}  // namespace concord::agency
