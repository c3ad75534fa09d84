// The classification re-check's task and flag (WorkforceService::OpenRecheck / CloseRecheck).
#include "store/time.h"
#include "workforce/service.h"

namespace concord::workforce {

Status WorkforceService::OpenRecheck(store::Connection& c, const auth::Principal& caller, const json& before,
                                     json& after, const std::optional<RecheckNeed>& need,
                                     const std::string& request_id) {
  if (!need) return {};
  const json& open = before["classification_recheck"];
  if (open.is_object()) {
    // The gate: the last change's re-check comes first, so drift is judged one step at a time.
    return Error::Conflict("classification.recheck_open",
                           "The classification re-check opened on " + open.value("opened_on", "") +
                               " is still open: record a new determination (approved if it needs approval) first. " +
                               open.value("reason", ""));
  }
  std::string detail = need->reason + " Factors:";
  for (const auto& citation : need->citations) detail += " " + citation + ";";
  detail.back() = '.';
  const json task = TRY(Insert(c, TaskTable(), caller,
                               {{"client_id", before["client_id"]},
                                {"entity", "assignment"},
                                {"entity_id", before["id"]},
                                {"title", "Re-check the classification of " + before.value("worker_name", "the worker") +
                                              " (" + before.value("title", "") + ")"},
                                {"detail", detail},
                                {"owner", "coordinator"},
                                {"status", "open"}},
                               request_id));
  after["classification_recheck"] = {{"reason", need->reason},
                                     {"citations", need->citations},
                                     {"opened_on", store::NowText().substr(0, 10)},
                                     {"task_id", task["id"]}};
  return {};
}

Status WorkforceService::CloseRecheck(store::Connection& c, const auth::Principal& caller, json& after,
                                      const json& determination, const std::string& request_id) {
  const json open = after["classification_recheck"];
  if (!open.is_object()) return {};
  after["classification_recheck"] = nullptr;
  return CloseTask(c, caller, open.contains("task_id") ? open["task_id"] : json(),
                   "Re-checked: determination #" + std::to_string(determination["id"].get<int64_t>()) + ", risk " +
                       determination.value("risk", "") + ".",
                   request_id);
}

}  // namespace concord::workforce
