// The body of `concord mail ingest`: one inbound message (.eml) into the desk, as POST
// /api/v1/mail/inbound takes it, for a mail server's pipe or alias ("|concord mail ingest").
#pragma once

#include <ostream>
#include <string>

#include "service/desk.h"

namespace concord::service {

// Exit codes of sysexits.h, which mail servers act on: 0 taken (or already taken), 65 EX_DATAERR the
// message is unreadable (bounce it), 75 EX_TEMPFAIL the desk could not take it now (retry later).
inline constexpr int kExDataErr = 65;
inline constexpr int kExTempFail = 75;

// Ingests `raw`, prints "case <n> opened|updated|unchanged (duplicate)" to out or the error to err.
int RunMailIngest(ServiceDesk& desk, const std::string& raw, std::ostream& out, std::ostream& err);

}  // namespace concord::service
