// Checklists as an assignment stores them (the `checklist` and `offboarding` members): JSON items with id,
// title, citation, required, due, done, waived and note; and the worker type an assignment or worker
// record carries. Shared by the use cases that generate or tick checklists.
//
// Pure. Thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "workforce/onboarding.h"

namespace concord::workforce {

nlohmann::json ChecklistItemJson(const ChecklistItem& item);
// {template_version, items}
nlohmann::json ChecklistJson(const Checklist& checklist);
// The stored list back as rules see it (due dates are not needed by the rules and are left out).
Checklist ChecklistFromJson(const nlohmann::json& list);
// The item `id` of a stored list, or nullptr.
nlohmann::json* FindChecklistItem(nlohmann::json& list, const std::string& id);
// The record's `worker_type` ("contractor_1099", "foreign_contractor"; anything else is a W-2 employee).
WorkerType WorkerTypeOf(const nlohmann::json& record);

}  // namespace concord::workforce
