// The audit trail: every write appends an event (who, when, request, entity, action, before, after) in
// the same transaction as the write. Events are hash-chained: each stores the SHA-256 of its own
// content and its predecessor's hash, and audit_head holds the last one, so Verify() detects any event
// edited, deleted or inserted out of order after the fact.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/migrate.h"

namespace concord::audit {

// Who is acting: a user (or none for the system) within one request.
struct Actor {
  std::optional<int64_t> user_id;
  std::string name;        // display name at the time, kept so history reads well after renames
  std::string request_id;  // "cli" or "job:<id>" outside HTTP
  static Actor System(std::string request_id) { return {std::nullopt, "system", std::move(request_id)}; }
};

struct Change {
  std::string entity;                   // "client", "contact", "user", ...
  std::string entity_id;
  std::optional<int64_t> client_id;     // the tenant the entity belongs to, for scoped reads
  std::string action;                   // "create", "update", "archive", "login", "reveal_tax_id", ...
  nlohmann::json before;                // null when created
  nlohmann::json after;                 // null when deleted
};

struct Event {
  int64_t seq = 0;
  std::string at;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  std::string request_id;
  std::string entity;
  std::string entity_id;
  std::optional<int64_t> client_id;
  std::string action;
  nlohmann::json before;
  nlohmann::json after;
  std::string prev_hash;
  std::string hash;
  nlohmann::json ToJson() const;
};

std::vector<store::Migration> Migrations();

// Appends one event inside the caller's open transaction.
Status Append(store::Connection& conn, const Actor& actor, const Change& change);

struct Query {
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<std::vector<int64_t>> client_ids;  // scope: only events of these clients; nullopt = all
  std::optional<int64_t> client_id;                // everything that happened to one client's records
  std::optional<std::string> action;
  std::optional<int64_t> actor_id;
  std::optional<std::string> from, to;  // UTC days YYYY-MM-DD, both included
  std::optional<std::string> q;         // searches the record's id, the actor's name and the request id
  std::optional<int64_t> after_seq;    // cursor: the events after this one in the chosen order
  bool oldest_first = false;
  int limit = 50;
};
// Newest first (or oldest first).
Result<std::vector<Event>> List(store::Connection& conn, const Query& query);

struct VerifyReport {
  bool ok = true;
  int64_t events = 0;
  std::optional<int64_t> first_bad_seq;
  std::string problem;
};
// Walks the whole chain from the first event and compares it with audit_head; `checked` is told how
// far it got after each page (events checked, events in the chain).
using VerifyProgress = std::function<void(int64_t checked, int64_t total)>;
Result<VerifyReport> Verify(store::Connection& conn, const VerifyProgress& checked = {});

}  // namespace concord::audit
