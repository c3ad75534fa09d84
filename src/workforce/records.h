// The workforce records (issue 4): the table of each, the members a request may write, and the pure
// validation of a request against them. Records are JSON objects shaped by their TableMap.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "workforce/table_map.h"

namespace concord::workforce {

inline const std::vector<std::string> kVmsKinds = {"fieldglass", "beeline", "vndly", "other", "none"};
inline const std::vector<std::string> kCheckInSchedules = {"weekly", "biweekly", "monthly", "quarterly"};
inline const std::vector<std::string> kWorkerTypes = {"w2_employee", "contractor_1099", "foreign_contractor"};
inline const std::vector<std::string> kWorkerStatuses = {"active", "inactive"};
inline const std::vector<std::string> kPsrStatuses = {"waiting", "needs_details", "converted", "cancelled"};
inline const std::vector<std::string> kTimelineKinds = {"message", "email", "call", "voicemail", "chat", "note"};
// Where a timeline entry travelled (imports set slack / google_chat / email; none for notes).
inline const std::vector<std::string> kTimelineChannels = {"phone", "email", "sms", "slack", "google_chat", "teams",
                                                           "portal"};
inline const std::vector<std::string> kTimecardStatuses = {"draft", "submitted", "approved", "rejected"};
inline const std::vector<std::string> kExpenseCategories = {"mileage", "travel", "meals", "lodging", "equipment",
                                                           "other"};

const TableMap& ProgrammeTable();
const TableMap& WorkerTable();
const TableMap& PsrTable();
const TableMap& AssignmentTable();
const TableMap& DocumentTable();
const TableMap& DeterminationTable();
const TableMap& TimelineTable();
const TableMap& TaskTable();
const TableMap& TimecardTable();
const TableMap& ExpenseTable();

// What a request may write and how it is checked.
enum class FieldKind { kText, kLongText, kDate, kMoney, kBool, kId, kChoice, kTextList, kEmail, kCount };

struct InputField {
  std::string name;
  FieldKind kind = FieldKind::kText;
  bool required = false;                // on create
  std::vector<std::string> choices;     // kChoice
};

using InputSpec = std::vector<InputField>;

const InputSpec& ProgrammeInput();
const InputSpec& WorkerInput();       // plus tax_id (write-only; sealed by the service)
const InputSpec& PsrInput();
const InputSpec& AssignmentInput();   // the members a revision may change are a subset (service)
const InputSpec& TimelineInput();
const InputSpec& ExpenseInput();

// Field errors for `input` (unknown members, types, required members on create, formats):
// "field.unknown", "field.required", "field.type", "field.date" (YYYY-MM-DD), "field.money" (a decimal
// amount ≥ 0 with at most 4 places), "field.choice", "field.email", "field.too_long".
std::vector<FieldError> ValidateInput(const InputSpec& spec, const nlohmann::json& input, bool creating,
                                      const std::vector<std::string>& extra_allowed = {});
// Copies the spec's members present in `input` onto `record` (money normalised to 2+ places).
void ApplyInput(const InputSpec& spec, const nlohmann::json& input, nlohmann::json& record);

// A money amount as stored: the decimal text, at least two places ("52.5" → "52.50").
Result<std::string> NormaliseMoney(const std::string& text);

// "request.invalid" naming `what`, carrying the field errors.
Error InvalidInput(std::vector<FieldError> errors, const std::string& what);

}  // namespace concord::workforce
