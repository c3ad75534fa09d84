#include "service/mail_ingest_command.h"

namespace concord::service {

int RunMailIngest(ServiceDesk& desk, const std::string& raw, std::ostream& out, std::ostream& err) {
  if (raw.find_first_not_of(" \t\r\n") == std::string::npos) {
    err << "concord mail ingest: the message is empty\n";
    return kExDataErr;
  }
  const Result<MailIngest> in = desk.IngestMail(raw, "cli:mail-ingest");
  if (!in.ok()) {
    err << "concord mail ingest: " << in.error().message << "\n";
    for (const auto& f : in.error().fields) err << "  " << f.field << ": " << f.message << "\n";
    const ErrorKind kind = in.error().kind;
    return kind == ErrorKind::kInvalid || kind == ErrorKind::kBadRequest ? kExDataErr : kExTempFail;
  }
  out << "case " << in->case_id << " "
      << (in->duplicate ? "unchanged (duplicate)" : in->created ? "opened" : "updated") << "\n";
  return 0;
}

}  // namespace concord::service
