// OpenAPI component schemas of the communication records, from their TableMaps and InputSpecs.
#include "workforce/comms_records.h"
#include "workforce/payroll_ticket.h"
#include "workforce/routes.h"
#include "workforce/routes_comms.h"

namespace concord::workforce {

nlohmann::json CommsComponentSchemas() {
  nlohmann::json step = {{"type", "object"},
                         {"properties",
                          {{"note", {{"type", "string"}}},
                           {"resolution", {{"type", "string"}, {"description", "required to resolve"}}},
                           {"payroll_reference", {{"type", "string"}}},
                           {"due_date", {{"type", "string"}, {"format", "date"}}}}}};
  return {{"PayrollTicket", RecordSchema(PayrollTicketTable())},
          {"PayrollTicketInput", InputSchema(PayrollTicketInput())},
          {"PayrollTicketUpdate", InputSchema(PayrollTicketUpdateInput())},
          {"PayrollTicketStep", step}};
}

}  // namespace concord::workforce
