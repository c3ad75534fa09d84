// Reconciliation work: saved specs, the runs that compare two inputs with them, and the exception items
// people review (open -> resolved with a note and a correction, or accepted as a known difference).
// Plain records and the pure rules of an item's life; no I/O here.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace concord::reconciliation {

inline const std::vector<std::string> kRunStates = {"queued", "running", "succeeded", "failed"};
inline const std::vector<std::string> kItemStatuses = {"open", "resolved", "accepted"};
inline const std::vector<std::string> kItemKinds = {"mismatched", "only_left",   "only_right",
                                                    "duplicate",  "parse_error", "suggested"};

// A saved spec: the TOML the engine reads, a name people pick it by, optionally one client's.
struct SpecRecord {
  int64_t id = 0;
  std::string name;
  std::string toml;
  std::optional<int64_t> client_id;
  // The weekly audit: a cron and the server-side paths it reads (empty when not scheduled).
  std::string schedule_cron;
  std::string left_path;
  std::string right_path;
  int64_t version = 1;
  std::optional<int64_t> created_by;
  std::string created_at, updated_at;
};

struct SpecInput {
  std::optional<std::string> name, toml;
  std::optional<int64_t> client_id;
};

// One input of a run: an uploaded file (file_id) or a server path (scheduled runs), and its checksum.
struct RunInput {
  std::optional<int64_t> file_id;
  std::string name;    // file name or path
  std::string sha256;  // of the bytes compared; filled when the run starts reading
};

struct Run {
  int64_t id = 0;
  int64_t spec_id = 0;
  int64_t spec_version = 0;
  std::string spec_name;
  std::string spec_toml;  // snapshot: later edits of the spec do not change what this run meant
  RunInput left, right;
  std::string state = "queued";
  nlohmann::json summary;  // the engine's counts plus items_opened/items_linked/items_closed
  std::string error;
  std::optional<int64_t> job_id;
  std::optional<int64_t> client_id;
  std::optional<int64_t> created_by;
  std::string created_at, started_at, finished_at;
};

struct Item {
  int64_t id = 0;
  int64_t run_id = 0;        // the newest run that reported it
  int64_t first_run_id = 0;  // the run that first reported it
  int64_t spec_id = 0;
  std::optional<int64_t> client_id;
  std::string key;
  std::string kind;
  nlohmann::json details;  // diffs / rows / failure, as the newest run saw them
  std::string status = "open";
  std::optional<int64_t> assignee_id;
  std::string assignee_name;  // filled when read
  std::string resolution_note;
  std::string correction;  // what was corrected where
  std::optional<int64_t> resolved_by;
  std::string resolved_at;
  int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::vector<int64_t>> run_ids;  // every run that reported it; read for one item only
};

// Pure rules.
std::vector<FieldError> ValidateSpecInput(const SpecInput& input, bool creating);
// A person closes an item: resolve needs a note and what was corrected where; accept needs a note.
// Resolved items are closed for good (a recurrence opens a new item); errors are field errors (422) or
// "item.closed" (409).
Status CheckResolve(const Item& item, const std::string& note, const std::string& correction);
Status CheckAccept(const Item& item, const std::string& note);
Status CheckAssign(const Item& item);
// An accepted difference can be opened again (accepted by mistake); a resolved item cannot.
Status CheckReopen(const Item& item);

nlohmann::json ToJson(const SpecRecord& spec);
nlohmann::json ToJson(const Run& run);
nlohmann::json ToJson(const Item& item);
// What the audit trail keeps of an item (no read-only decorations such as the assignee's name).
nlohmann::json AuditJson(const Item& item);

}  // namespace concord::reconciliation
