// OpenAPI component schemas of the account status reports and their weekly schedule.
#include "agency/meeting_rules.h"
#include "agency/openapi_types.h"
#include "agency/routes.h"

namespace concord::agency {

nlohmann::json AccountReportSchemas() {
  using namespace openapi_types;
  const json milestone = Object({{"name", Str()}, {"due", Str()}});
  const json moved = Object({{"name", Str()}, {"was", NullableStr()}, {"now", Str()}});
  const json line = Object({{"job_id", Int()}, {"number", Str()}, {"title", Str()}, {"job_status", Str()},
                            {"health", Enum(kReportStatuses)}, {"progress", Int()}, {"budget", Amount()},
                            {"actual", Amount()}, {"currency", Str()}, {"budget_used_percent", NullableStr()}, {"milestones", Array(milestone)},
                            {"milestones_moved", Array(moved)}});
  return {
      {"AgencyAccountReport",
       Object({{"id", Int()}, {"client_id", Int()}, {"client_name", Str()}, {"state", Enum({"draft", "sent"})},
               {"origin", Enum({"manual", "schedule"})}, {"narrative", Str()}, {"lines", Array(line)},
               {"previous_id", NullableInt()}, {"sent_at", NullableStr()}, {"sent_to", Str()},
               {"outbox_id", NullableInt()}, {"author", Str()}, {"version", Int()}, {"created_at", Str()},
               {"updated_at", Str()}})},
      {"AgencyAccountReportEdit",
       Object({{"narrative", Str()},
               {"lines", Array(Object({{"job_id", Int()}, {"health", Enum(kReportStatuses)}, {"progress", Int()}}))}})},
      {"AgencyAccountReportSchedule",
       Object({{"client_id", Int()}, {"weekday", NullableInt()}, {"auto_send", Bool()}, {"send_to", Str()},
               {"version", Int()}})},
  };
}

}  // namespace concord::agency
