// Letters issued from an assignment (WorkforceService).
#include "audit/audit.h"
#include "crypto/crypto.h"
#include "store/time.h"
#include "workforce/separation_letter.h"
#include "workforce/service.h"

namespace concord::workforce {

Result<std::pair<std::string, TemplateText>> WorkforceService::IssueSeparationLetter(store::Connection& c,
                                                                                     const auth::Principal& caller,
                                                                                     int64_t assignment_id,
                                                                                     const std::string& request_id) {
  const json assignment = Public(AssignmentTable(), TRY(LoadRecord(c, AssignmentTable(), caller, assignment_id)));
  const json worker = TRY(LoadRecord(c, WorkerTable(), SystemPrincipal(), assignment["worker_id"].get<int64_t>()));
  const std::string date = assignment.value("last_day_worked", json("")).is_string()
                               ? assignment["last_day_worked"].get<std::string>()
                               : TodayUtc().ToString();
  // The programme's wording, or the firm's standard letter.
  const TemplateText text = TRY(AssignmentTemplate(c, assignment_id, "separation_letter"));
  pdf::Document letter = TRY(SeparationLetter(assignment, worker, date, text.body));
  const TemplateValues values = SeparationValues(assignment, worker, date);
  letter.title = TRY(FillTemplate(text.subject, values));
  std::string bytes = TRY(pdf::Render(letter));
  TRY(audit::Append(c, caller.Actor(request_id),
                    {"assignment", std::to_string(assignment_id), assignment["client_id"].get<int64_t>(),
                     "separation_letter", nullptr, {{"sha256", crypto::Sha256Hex(bytes)}, {"bytes", bytes.size()}}}));
  return std::pair{std::move(bytes), TemplateText{letter.title, TRY(FillTemplate(text.body, values)), text.custom}};
}

Result<std::string> WorkforceService::SeparationLetterPdf(const auth::Principal& caller, int64_t assignment_id,
                                                          const std::string& request_id) {
  return db_.Transact<std::string>([&](store::Connection& c) -> Result<std::string> {
    return TRY(IssueSeparationLetter(c, caller, assignment_id, request_id)).first;
  });
}

Status WorkforceService::SendSeparationLetter(store::Connection& c, const auth::Principal& caller,
                                              const json& assignment, const json& worker,
                                              const std::string& request_id) {
  const int64_t id = assignment["id"].get<int64_t>();
  auto [bytes, letter] = TRY(IssueSeparationLetter(c, caller, id, request_id));
  const json entry = TRY(Insert(c, TimelineTable(), caller,
                                {{"client_id", assignment["client_id"]},
                                 {"worker_id", assignment["worker_id"]},
                                 {"assignment_id", id},
                                 {"kind", "message"},
                                 {"direction", "outbound"},
                                 {"subject", letter.subject},
                                 {"body", letter.body},
                                 {"author_name", caller.name},
                                 {"occurred_at", store::NowText()}},
                                request_id));
  const std::string email = worker.value("email", json("")).is_string() ? worker.value("email", "") : "";
  TRY(MailEntry(c, caller, entry, email, "separation_letter",
                {{"separation-letter-" + std::to_string(id) + ".pdf", "application/pdf", std::move(bytes)}}, request_id));
  return {};
}

}  // namespace concord::workforce
