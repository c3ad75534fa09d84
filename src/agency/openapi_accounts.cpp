// OpenAPI component schemas of the account side: settings, the rate card, account knowledge and its files.
#include "agency/openapi_types.h"
#include "agency/routes.h"
#include "agency/store.h"

namespace concord::agency {

using namespace openapi_types;

nlohmann::json AccountOpenApiSchemas() {
  return {
      {"AgencySettings",
       Object({{"job_pattern", Str()}, {"invoice_pattern", Str()}, {"credit_note_pattern", Str()},
               {"entry_window_days", Int()}, {"time_zone", Str()}, {"holidays", Array(Str())},
               {"locked_through", NullableStr()}, {"locked_by", NullableStr()}, {"locked_at", NullableStr()},
               {"contact_report_days", Int()}, {"default_expense_markup_percent", Amount()}, {"version", Int()}})},
      {"AgencyRate", Object({{"id", Int()}, {"client_id", NullableInt()}, {"role", Str()}, {"effective_from", Str()},
                             {"rate", Amount()}, {"currency", Str()}})},
      {"AgencyAccount",
       Object({{"client_id", Int()}, {"client_code", Str()}, {"client_name", Str()}, {"industry", Str()},
               {"org_structure", Str()}, {"products", Str()}, {"services", Str()}, {"markets", Str()},
               {"distribution", Str()}, {"branding_requirements", Str()}, {"processes", Str()},
               {"reporting_preferences", Str()},
               {"team", Array(Object({{"user_id", Int()}, {"role", Enum(kTeamSeats)}, {"backup_user_id", NullableInt()},
                                      {"name", Str()}, {"backup_name", Str()}}))},
               {"contact_preferences",
                Array(Object({{"contact_id", Int()}, {"preferred_method", Enum(kContactMethods)},
                              {"branding_requirements", Str()}, {"contact_name", Str()}, {"email", Str()},
                              {"role", Str()}}))},
               {"approval_chain", Array(Object({{"step", Int()}, {"approves", Str()}, {"contact_id", Int()},
                                                {"contact_name", Str()}}))},
               {"key_dates", Array(Object({{"date", Str()}, {"label", Str()}, {"yearly", Bool()}}))},
               {"version", Int()}, {"updated_at", Str()}})},
      {"AgencyAccountFile",
       Object({{"id", Int()}, {"client_id", Int()}, {"title", Str()}, {"category", Enum(kAccountFileCategories)},
               {"file_name", Str()}, {"content_type", Str()}, {"size", Int()}, {"sha256", Str()},
               {"uploaded_by", Str()}, {"archived_at", NullableStr()}, {"version", Int()}, {"created_at", Str()}})},
  };
}

}  // namespace concord::agency
