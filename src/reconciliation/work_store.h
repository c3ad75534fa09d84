// SQL for reconciliation specs, runs and items. Every read takes the caller's client scope (nullopt =
// all) and applies it in the WHERE clause, so a record outside the scope is simply not found. Records
// without a client (internal work) are outside every client user's scope.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reconciliation/grouping.h"
#include "reconciliation/records.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::reconciliation {

using Scope = std::optional<std::vector<int64_t>>;

std::vector<store::Migration> Migrations();

template <class T>
struct Page {
  std::vector<T> items;
  std::vector<std::string> sort_keys;  // the sort key of each item, for the next cursor
  int64_t total = 0;
};

struct SpecQuery {
  std::optional<std::string> q;  // in the name, case-insensitively
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

Result<Page<SpecRecord>> ListSpecs(store::Connection& conn, const Scope& scope, const SpecQuery& query);
Result<SpecRecord> LoadSpec(store::Connection& conn, const Scope& scope, int64_t id);
Result<int64_t> InsertSpec(store::Connection& conn, const SpecRecord& spec);
// Writes the record if its stored version is `expected_version`; kPreconditionFailed otherwise.
Status UpdateSpec(store::Connection& conn, const SpecRecord& spec, int64_t expected_version);
// Locks the spec's row for this transaction (so two runs of one spec apply their items one after the
// other) and returns the newest run applied to its items so far (0 when none).
Result<int64_t> LockSpecForRun(store::Connection& conn, int64_t spec_id);
Status SetLastAppliedRun(store::Connection& conn, int64_t spec_id, int64_t run_id);

struct RunQuery {
  std::optional<int64_t> spec_id;
  std::optional<std::string> state;
  std::optional<std::string> q;  // in the spec's or the input files' names, case-insensitively
  std::string sort = "id";       // id, spec_name, state, created_at
  bool descending = true;        // newest first by default
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

Result<int64_t> InsertRun(store::Connection& conn, const Run& run);
Result<Run> LoadRun(store::Connection& conn, const Scope& scope, int64_t id);
Result<std::optional<Run>> FindRunByJob(store::Connection& conn, int64_t job_id);
Result<Page<Run>> ListRuns(store::Connection& conn, const Scope& scope, const RunQuery& query);
Status SetRunJob(store::Connection& conn, int64_t run_id, int64_t job_id);
Status MarkRunRunning(store::Connection& conn, int64_t run_id, const std::string& left_sha256,
                      const std::string& right_sha256);
Status FinishRun(store::Connection& conn, int64_t run_id, const std::string& state, const nlohmann::json& summary,
                 const std::string& error);

struct ItemQuery {
  std::optional<int64_t> run_id;  // items the run reported (whatever happened to them since)
  std::optional<int64_t> spec_id;
  std::optional<std::string> status, kind;
  std::optional<int64_t> assignee_id;  // 0: unassigned
  std::optional<std::string> q;        // in the key, case-insensitively
  std::string sort = "id";             // id, key, kind, status, updated_at
  bool descending = false;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

Result<Page<Item>> ListItems(store::Connection& conn, const Scope& scope, const ItemQuery& query);
Result<Item> LoadItem(store::Connection& conn, const Scope& scope, int64_t id);
// The runs that reported an item, oldest first.
Result<std::vector<int64_t>> ItemRunIds(store::Connection& conn, int64_t item_id);
// Writes status, assignee and resolution if the stored version is `expected_version`.
Status UpdateItem(store::Connection& conn, const Item& item, int64_t expected_version);

// What a run needs to know of a spec's items that are still in play (open or accepted).
struct LiveItem {
  int64_t id = 0;
  std::string kind, key, status, details;
};
Result<std::vector<LiveItem>> LiveItems(store::Connection& conn, int64_t spec_id);
// Links a live item to the newest run that reported it; a changed `details` makes a new version.
Status SeeItem(store::Connection& conn, const LiveItem& item, int64_t run_id, const std::string& details);
// Opens new items (batched inserts).
Status InsertItems(store::Connection& conn, const Run& run, const std::vector<const ItemDraft*>& drafts);
// Records that the run reported each item it now points at (the history of which run saw what).
Status LinkItemsToRun(store::Connection& conn, int64_t run_id);

}  // namespace concord::reconciliation
