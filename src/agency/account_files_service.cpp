// The account's files: what the coordinator keeps on hand for a client (brand guidelines, process documents,
// briefs, contracts). The bytes live in the platform's `files`; archiving hides a file from the working
// list without losing it ("updates and archives account files").
#include <algorithm>

#include "agency/agency_error.h"
#include "agency/service.h"
#include "audit/audit.h"
#include "crypto/crypto.h"
#include "jobs/jobs.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kColumns =
    "f.id, f.client_id, f.file_id, f.title, f.category, f.file_name, f.content_type, f.size, f.sha256, "
    "f.uploaded_by, f.archived_at, f.version, f.created_at";
const ListSpec kFiles{"agency_account_files f", "f.id", "f.client_id", {}, {{"created_at", "f.created_at"}}, {}};

constexpr size_t kMaxFileBytes = 20 * 1024 * 1024;

AccountFile FromRow(const store::Row& r) {
  return {r.Int(0),  r.Int(1),  r.Int(2),     r.Text(3),     r.Text(4), r.Text(5), r.Text(6),
          r.Int(7),  r.Text(8), r.Text(9),    r.OptText(10), r.Int(11), r.Text(12)};
}

}  // namespace

Result<std::vector<AccountFile>> AgencyService::AccountFiles(const auth::Principal& caller, int64_t client_id,
                                                             bool with_archived) {
  TRY(GetAccount(caller, client_id));  // another client's account is "not found", not an empty list
  auto conn = TRY(db_.Acquire());
  std::string sql = std::string("SELECT ") + kColumns + " FROM " + kFiles.from + " WHERE f.client_id = ?";
  std::vector<store::Value> params{client_id};
  if (!with_archived) sql += " AND f.archived_at IS NULL";
  std::vector<AccountFile> out;
  for (const auto& r : TRY(conn->Query(sql + " ORDER BY f.category, LOWER(f.title), f.id", params))) {
    out.push_back(FromRow(r));
  }
  return out;
}

Result<AccountFile> AgencyService::AddAccountFile(const auth::Principal& caller, int64_t client_id,
                                                  const AccountFileInput& in, const std::string& request_id) {
  std::vector<FieldError> errors;
  if (in.bytes.empty()) errors.push_back({"body", "account_file.empty", "The file is empty."});
  if (in.bytes.size() > kMaxFileBytes) errors.push_back({"body", "account_file.too_large", "At most 20 MB."});
  if (in.file_name.empty()) errors.push_back({"file_name", "account_file.name_required", "Name the file."});
  if (std::find(kAccountFileCategories.begin(), kAccountFileCategories.end(), in.category) ==
      kAccountFileCategories.end()) {
    errors.push_back({"category", "account_file.category_invalid",
                      "One of brand_guidelines, process, brief, contract, correspondence, other."});
  }
  if (!errors.empty()) {
    std::string code = errors.front().code;
    return Error::Invalid(code, "The file has errors; see the fields.", std::move(errors));
  }
  return db_.Transact<AccountFile>([&](store::Connection& c) -> Result<AccountFile> {
    std::string check = "SELECT client_id FROM agency_accounts WHERE client_id = ?";
    std::vector<store::Value> params{client_id};
    store::AppendScope(caller.ClientScope(), "client_id", check, params);
    if (TRY(c.Query(check, params)).empty()) {
      return Error::NotFound("agency.account_not_found", "No agency account for client " + std::to_string(client_id) + ".");
    }
    const int64_t file_id = TRY(jobs::SaveFile(
        c, {0, in.file_name, in.content_type.empty() ? "application/octet-stream" : in.content_type, in.bytes,
            caller.user_id ? std::optional<int64_t>(caller.user_id) : std::nullopt, client_id}));
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_account_files (client_id, file_id, title, category, file_name, content_type, size, "
        "sha256, uploaded_by, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
        {client_id, file_id, in.title.empty() ? in.file_name : in.title, in.category, in.file_name,
         in.content_type.empty() ? "application/octet-stream" : in.content_type,
         static_cast<int64_t>(in.bytes.size()), crypto::Sha256Hex(in.bytes), caller.name, store::NowText()}));
    const AccountFile saved = FromRow(TRY(LoadRow(c, std::nullopt, kFiles, kColumns, row.Int(0), "account_file")));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_account_file", std::to_string(saved.id), client_id,
                                                    "create", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<std::pair<AccountFile, std::string>> AgencyService::AccountFileContent(const auth::Principal& caller,
                                                                              int64_t id) {
  auto conn = TRY(db_.Acquire());
  const AccountFile file = FromRow(TRY(LoadRow(*conn, caller.ClientScope(), kFiles, kColumns, id, "account_file")));
  const jobs::File stored = TRY(jobs::LoadFile(*conn, file.file_id));
  return std::make_pair(file, stored.content);
}

Result<AccountFile> AgencyService::ArchiveAccountFile(const auth::Principal& caller, int64_t id,
                                                      int64_t expected_version, bool archived,
                                                      const std::string& request_id) {
  return db_.Transact<AccountFile>([&](store::Connection& c) -> Result<AccountFile> {
    const AccountFile before = FromRow(TRY(LoadRow(c, caller.ClientScope(), kFiles, kColumns, id, "account_file")));
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_account_files SET archived_at = ?, version = version + 1 WHERE id = ? AND version = ?",
        {archived ? store::Value(store::NowText()) : store::Null(), id, expected_version}));
    if (changed == 0) return StaleVersion("file");
    const AccountFile saved = FromRow(TRY(LoadRow(c, std::nullopt, kFiles, kColumns, id, "account_file")));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_account_file", std::to_string(id), saved.client_id,
                                                    archived ? "archive" : "restore", ToJson(before), ToJson(saved)}));
    return saved;
  });
}

nlohmann::json ToJson(const AccountFile& f) {
  return {{"id", f.id},
          {"client_id", f.client_id},
          {"title", f.title},
          {"category", f.category},
          {"file_name", f.file_name},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_by},
          {"archived_at", f.archived_at ? nlohmann::json(*f.archived_at) : nlohmann::json()},
          {"version", f.version},
          {"created_at", f.created_at}};
}

}  // namespace concord::agency
