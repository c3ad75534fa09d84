// The manager's numbers, pure: SLA attainment, breaches, backlog by age, first-contact resolution,
// handle time and satisfaction, overall and by queue, agent or client, from one row per case.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "io/table.h"

namespace concord::service {

struct CaseFacts {
  int64_t id = 0;
  std::string queue, agent, client;  // display names ("" = none)
  std::string status, sla_state;     // sla_state as on the case (met, breached, …)
  Instant created_at;
  std::optional<Instant> solved_at;
  int agent_contacts = 0;    // replies, calls and chats to the requester
  int64_t handle_seconds = 0;  // logged call/chat time
  std::optional<int64_t> satisfaction;
};

struct ReportLine {
  std::string key;
  int cases = 0, solved = 0, met = 0, breached = 0, first_contact = 0, surveys_answered = 0;
  int64_t handle_seconds = 0, contacts_timed = 0, satisfaction_points = 0;
  // Met over cases whose SLA was decided (met or breached); nullopt when none was.
  std::optional<double> AttainmentPct() const;
  std::optional<double> FirstContactPct() const;  // solved with a single agent contact, of solved
  std::optional<double> AverageSatisfaction() const;
};

struct Dashboard {
  ReportLine total;
  std::vector<ReportLine> by;  // by the chosen dimension, most cases first
  // Open cases by age at `now`: "<1d", "1-3d", "3-7d", "7-14d", ">14d".
  std::vector<std::pair<std::string, int>> backlog_by_age;
  std::vector<std::pair<std::string, int>> created_per_day;  // "2026-03-02" → cases
  std::vector<std::pair<std::string, int>> breaches_by_metric;
};

// dimension: "queue", "agent" or "client".
Dashboard Summarize(const std::vector<CaseFacts>& cases, const std::string& dimension, Instant now,
                    const std::map<std::string, int>& breaches_by_metric = {});

nlohmann::json ToJson(const Dashboard& d);
io::Table DashboardTable(const Dashboard& d, const std::string& dimension);

}  // namespace concord::service
