#include "workforce/checklist_json.h"

namespace concord::workforce {

using nlohmann::json;

json ChecklistItemJson(const ChecklistItem& item) {
  return {{"id", item.id},
          {"title", item.title},
          {"citation", item.citation},
          {"required", item.required_for_activation},
          {"due", item.due ? json(item.due->ToString()) : json(nullptr)},
          {"done", item.done},
          {"waived", item.waived},
          {"note", ""}};
}

json ChecklistJson(const Checklist& checklist) {
  json items = json::array();
  for (const auto& item : checklist.items) items.push_back(ChecklistItemJson(item));
  return {{"template_version", checklist.template_version}, {"items", items}};
}

Checklist ChecklistFromJson(const json& list) {
  Checklist out;
  if (!list.is_object()) return out;
  out.template_version = list.value("template_version", "");
  for (const auto& i : list.value("items", json::array())) {
    out.items.push_back(ChecklistItem{i.value("id", ""), i.value("title", ""), i.value("citation", ""),
                                      i.value("required", true), std::nullopt, i.value("done", false),
                                      i.value("waived", false)});
  }
  return out;
}

json* FindChecklistItem(json& list, const std::string& id) {
  if (!list.is_object() || !list.contains("items")) return nullptr;
  for (auto& item : list["items"]) {
    if (item.value("id", "") == id) return &item;
  }
  return nullptr;
}

WorkerType WorkerTypeOf(const json& record) {
  const std::string type = record.is_object() ? record.value("worker_type", "") : "";
  if (type == "contractor_1099") return WorkerType::kContractor1099;
  if (type == "foreign_contractor") return WorkerType::kForeignContractor;
  return WorkerType::kW2Employee;
}

}  // namespace concord::workforce
