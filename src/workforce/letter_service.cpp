// Letters issued from an assignment (WorkforceService).
#include "audit/audit.h"
#include "crypto/crypto.h"
#include "store/time.h"
#include "workforce/separation_letter.h"
#include "workforce/service.h"

namespace concord::workforce {

Result<std::string> WorkforceService::SeparationLetterPdf(const auth::Principal& caller, int64_t assignment_id,
                                                          const std::string& request_id) {
  return db_.Transact<std::string>([&](store::Connection& c) -> Result<std::string> {
    const json assignment = Public(AssignmentTable(), TRY(LoadRecord(c, AssignmentTable(), caller, assignment_id)));
    const json worker = TRY(LoadRecord(c, WorkerTable(), SystemPrincipal(), assignment["worker_id"].get<int64_t>()));
    const std::string date = assignment.value("last_day_worked", json("")).is_string()
                                 ? assignment["last_day_worked"].get<std::string>()
                                 : TodayUtc().ToString();
    // The programme's wording, or the firm's standard letter.
    const TemplateText text = TRY(AssignmentTemplate(c, assignment_id, "separation_letter"));
    pdf::Document letter = TRY(SeparationLetter(assignment, worker, date, text.body));
    letter.title = TRY(FillTemplate(text.subject, SeparationValues(assignment, worker, date)));
    std::string bytes = TRY(pdf::Render(letter));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"assignment", std::to_string(assignment_id), assignment["client_id"].get<int64_t>(),
                       "separation_letter", nullptr, {{"sha256", crypto::Sha256Hex(bytes)}, {"bytes", bytes.size()}}}));
    return bytes;
  });
}

}  // namespace concord::workforce
