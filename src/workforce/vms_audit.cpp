#include "workforce/vms_audit.h"

#include "core/decimal.h"
#include "workforce/vms_mapping.h"

namespace concord::workforce {

std::string VmsAuditSpecToml(const std::string& vms) {
  auto header = [&](const std::string& field) { return VmsHeader(vms, field); };
  std::string toml = "[left]\nname = \"vms\"\nkey = [\"" + header("vms_work_order_id") +
                     "\"]\n\n[right]\nname = \"assignments\"\nkey = [\"work_order_id\"]\n\n[compare]\n"
                     "normalize = [\"trim\"]\n";
  auto column = [&](const std::string& left, const std::string& right, const std::string& rest) {
    toml += "\n[[columns]]\nleft = \"" + left + "\"\nright = \"" + right + "\"\n" + rest;
  };
  column(header("worker_email"), "worker_email", "normalize = [\"trim\", \"casefold\"]\n");
  const std::string dates =
      "normalize = [\"trim\", \"date\"]\ndate_formats = [\"MM/DD/YYYY\", \"M/D/YYYY\", \"YYYY-MM-DD\"]\n";
  column(header("start_date"), "start_date", dates);
  column(header("end_date"), "end_date", dates);
  column(header("pay_rate"), "pay_rate", "normalize = [\"money\"]\ntolerance = \"0.01\"\n");
  column(header("bill_rate"), "bill_rate", "normalize = [\"money\"]\ntolerance = \"0.01\"\n");
  column(header("vms_status"), "vms_status", "normalize = [\"trim\", \"casefold\"]\n");
  column(header("manager_name"), "manager", "normalize = [\"trim\", \"collapse_spaces\", \"casefold\"]\n");
  return toml;
}

std::string VmsStatus(const std::string& status) {
  if (status == "active" || status == "ending") return "active";
  if (status == "ended" || status == "offboarded") return "closed";
  if (status == "cancelled") return "withdrawn";
  return "pending";
}

bool VmsStatusIsEnded(const std::string& vms_status) {
  std::string key = VmsHeaderKey(vms_status);  // lower case, trimmed
  for (const char* ended : {"closed", "completed", "complete", "ended", "terminated", "inactive"}) {
    if (key == ended) return true;
  }
  return false;
}

std::optional<std::string> AlignmentPercent(const nlohmann::json& summary) {
  auto count = [&](const char* name) -> int64_t {
    return summary.is_object() && summary.contains(name) && summary[name].is_number_integer()
               ? summary[name].get<int64_t>()
               : 0;
  };
  const int64_t matched = count("matched");
  const int64_t all = matched + count("mismatched") + count("only_left") + count("only_right") + count("duplicate_keys");
  if (all == 0) return std::nullopt;
  auto percent = Decimal::Divide(Decimal::FromInt(matched * 100), Decimal::FromInt(all), 1, Rounding::kHalfUp);
  if (!percent.ok()) return std::nullopt;
  return percent->ToString();
}

}  // namespace concord::workforce
