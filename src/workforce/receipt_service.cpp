// Expense receipts (WorkforceService): the file is stored like onboarding documents (files table, SHA-256
// kept on the expense) and read back only through the expense, so its tenancy is the expense's.
#include "crypto/crypto.h"
#include "workforce/service.h"

namespace concord::workforce {

Result<json> WorkforceService::AttachReceipt(const auth::Principal& caller, int64_t expense_id,
                                             const std::string& file_name, const std::string& content_type,
                                             std::string bytes, const std::string& request_id) {
  if (bytes.empty()) return InvalidInput({{"body", "file.empty", "The receipt file is empty."}}, "The receipt");
  if (file_name.empty()) return InvalidInput({{"file_name", "field.required", "Name the file."}}, "The receipt");
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, ExpenseTable(), caller, expense_id));
    if (before["status"] == "approved") {
      return Error::Conflict("expense.locked", "This expense is approved; its receipt can no longer change.");
    }
    json after = before;
    after["receipt_sha256"] = crypto::Sha256Hex(bytes);
    after["receipt_file_id"] =
        TRY(jobs::SaveFile(c, {0, file_name, content_type.empty() ? "application/octet-stream" : content_type,
                               std::move(bytes), caller.user_id, before["client_id"].get<int64_t>()}));
    return Save(c, ExpenseTable(), caller, before, after, before["version"].get<int64_t>(), "receipt", request_id);
  });
}

Result<jobs::File> WorkforceService::ReceiptFile(const auth::Principal& caller, int64_t expense_id) {
  auto conn = TRY(db_.Acquire());
  const json expense = TRY(LoadRecord(*conn, ExpenseTable(), caller, expense_id));
  if (!expense["receipt_file_id"].is_number_integer()) {
    return Error::NotFound("expense.no_receipt", "This expense has no receipt.");
  }
  return jobs::LoadFile(*conn, expense["receipt_file_id"].get<int64_t>());
}

}  // namespace concord::workforce
