// CSV import of client accounts (ClientService::Import).
#include <algorithm>
#include <map>

#include "clients/service.h"
#include "io/csv.h"
#include "store/time.h"

namespace concord::clients {
namespace {

// Columns a client file may have; legal_name is required. One address per row (the billing address).
const std::vector<std::string> kImportColumns = {
    "external_ref",  "legal_name",    "dba",          "tax_id",         "industry",
    "status",        "service_notes", "processing_instructions", "address_line1", "address_line2",
    "address_city",  "address_region", "address_postal_code", "address_country"};

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  return text;
}

struct ImportRow {
  int line = 0;
  ClientInput input;
};

// Whether applying `input` would change `client` (so a second import of the same file is a no-op).
bool Changes(const Client& client, const ClientInput& input, const crypto::FieldKey& key) {
  Client after = client;
  Apply(input, after);
  if (input.tax_id) {
    std::string current;
    if (!client.tax_id_sealed.empty()) current = key.Decrypt(client.tax_id_sealed).value_or("");
    const std::string wanted = input.tax_id->empty() ? "" : CanonicalEin(*input.tax_id).value_or("");
    if (current != wanted) return true;
  }
  return AuditJson(after) != AuditJson(client);
}

}  // namespace

Result<ImportReport> ClientService::Import(const auth::Principal& caller, const std::string& csv,
                                           const std::string& file_name, bool dry_run, const std::string& request_id) {
  const auto records = TRY(io::ParseCsv(csv, file_name));
  if (records.empty()) {
    return Error::Invalid("import.empty", file_name + " has no header row.",
                          {{file_name + ", line 1", "import.empty", "The file is empty."}});
  }
  // Header: map each known column to its position; unknown columns are an error, not ignored.
  std::map<std::string, size_t> column;
  std::vector<FieldError> errors;
  const auto& header = records.front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = Lower(header.fields[i]);
    if (std::find(kImportColumns.begin(), kImportColumns.end(), name) == kImportColumns.end()) {
      errors.push_back({file_name + ", line 1, column " + std::to_string(i + 1) + " (" + header.fields[i] + ")",
                        "import.unknown_column", "Unknown column \"" + header.fields[i] + "\"."});
    } else if (!column.emplace(name, i).second) {
      errors.push_back({file_name + ", line 1, column " + std::to_string(i + 1) + " (" + name + ")",
                        "import.duplicate_column", "The column \"" + name + "\" appears twice."});
    }
  }
  if (!column.count("legal_name")) {
    errors.push_back({file_name + ", line 1", "import.missing_column", "The required column legal_name is missing."});
  }
  if (!errors.empty()) return Error::Invalid("import.invalid", file_name + ": the header is not valid.", errors);

  std::vector<ImportRow> rows;
  std::map<std::string, int> seen_refs;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto where = [&](const std::string& name) {
      const size_t col = column.count(name) ? column.at(name) + 1 : 0;
      return file_name + ", line " + std::to_string(rec.line) + (col ? ", column " + std::to_string(col) : "") +
             " (" + name + ")";
    };
    if (rec.fields.size() != header.fields.size()) {
      errors.push_back({file_name + ", line " + std::to_string(rec.line), "import.field_count",
                        "Expected " + std::to_string(header.fields.size()) + " fields, found " +
                            std::to_string(rec.fields.size()) + "."});
      continue;
    }
    auto get = [&](const std::string& name) -> std::optional<std::string> {
      if (!column.count(name)) return std::nullopt;
      return rec.fields[column.at(name)];
    };
    ImportRow row{rec.line, {}};
    row.input.external_ref = get("external_ref");
    row.input.legal_name = get("legal_name");
    row.input.dba = get("dba");
    row.input.tax_id = get("tax_id");
    row.input.industry = get("industry");
    if (auto status = get("status"); status && !status->empty()) row.input.status = Lower(*status);
    row.input.service_notes = get("service_notes");
    row.input.processing_instructions = get("processing_instructions");
    if (auto line1 = get("address_line1"); line1 && !line1->empty()) {
      std::string country = get("address_country").value_or("US");
      row.input.addresses = std::vector<Address>{{"billing", *line1, get("address_line2").value_or(""),
                                                  get("address_city").value_or(""), get("address_region").value_or(""),
                                                  get("address_postal_code").value_or(""), country.empty() ? "US" : country}};
    }
    for (auto& e : ValidateClient(row.input, true)) {
      std::string field = e.field;
      if (field.starts_with("addresses/0/")) field = "address_" + field.substr(12);
      errors.push_back({where(field), e.code, e.message});
    }
    if (row.input.external_ref && !row.input.external_ref->empty()) {
      auto [it, fresh] = seen_refs.emplace(*row.input.external_ref, rec.line);
      if (!fresh) {
        errors.push_back({where("external_ref"), "import.duplicate_ref",
                          "The same external_ref is on line " + std::to_string(it->second) + "."});
      }
    }
    rows.push_back(std::move(row));
  }
  if (!errors.empty()) {
    const std::string message =
        file_name + " has " + std::to_string(errors.size()) + " error(s); nothing was imported.";
    return Error::Invalid("import.invalid", message, std::move(errors));
  }

  ImportReport report;
  report.dry_run = dry_run;
  Status status = db_.TransactStatus([&](store::Connection& c) -> Status {
    report = ImportReport{0, 0, 0, dry_run};
    const audit::Actor actor = caller.Actor(request_id);
    for (const auto& row : rows) {
      const std::string ein = row.input.tax_id && !row.input.tax_id->empty() ? *CanonicalEin(*row.input.tax_id) : "";
      auto existing = TRY(FindForImport(c, row.input.external_ref.value_or(""), ein.empty() ? "" : key_.BlindIndex(ein),
                                        *row.input.legal_name));
      if (existing && !caller.CanSeeClient(existing->id)) {
        return Error::Invalid("import.out_of_scope", "A row matches a client you cannot change.",
                              {{file_name + ", line " + std::to_string(row.line), "import.out_of_scope",
                                "Matches a client outside your access."}});
      }
      if (!existing) {
        ++report.created;
        if (dry_run) continue;
        Client client;
        Apply(row.input, client);
        const std::string index = SealTaxId(row.input.tax_id, client).value_or("");
        client.created_at = client.updated_at = store::NowText();
        client.id = TRY(InsertClient(c, client, index));
        Client saved = TRY(Reload(c, client.id));
        TRY(audit::Append(c, actor, {"client", std::to_string(saved.id), saved.id, "import_create", nullptr,
                                     AuditJson(saved)}));
      } else if (Changes(*existing, row.input, key_)) {
        ++report.updated;
        if (dry_run) continue;
        Client after = *existing;
        Apply(row.input, after);
        const auto index = SealTaxId(row.input.tax_id, after);
        after.updated_at = store::NowText();
        TRY(UpdateClient(c, after, existing->version, index));
        Client saved = TRY(Reload(c, after.id));
        TRY(audit::Append(c, actor, {"client", std::to_string(saved.id), saved.id, "import_update",
                                     AuditJson(*existing), AuditJson(saved)}));
      } else {
        ++report.unchanged;
      }
    }
    return {};
  });
  if (!status.ok()) {
    // A duplicate detected by the database names no line: point at the file.
    Error error = std::move(status).error();
    if (error.kind == ErrorKind::kInvalid && !error.fields.empty() && !error.fields[0].field.starts_with(file_name)) {
      error.fields[0].field = file_name + " (" + error.fields[0].field + ")";
    }
    return error;
  }
  return report;
}

}  // namespace concord::clients
