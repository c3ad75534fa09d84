#include "app/demo_workforce_comms.h"

#include <array>
#include <optional>

#include "workforce/records.h"

namespace concord::app {
namespace {

using nlohmann::json;

struct TicketShape {
  const char* kind;
  const char* subject;
  const char* amount;
  const char* notes;
  std::vector<const char*> steps;  // actions after opening
};

const std::array<TicketShape, 6> kTickets = {{
    {"missing_pay", "Overtime missing from last check", "412.50",
     "Approved timecard shows 6.5 OT hours; the check paid regular hours only.", {"send_to_payroll"}},
    {"wrong_rate", "Paid at the old rate after the extension", "180.00",
     "Extension raised the pay rate from the 1st; payroll still has the old rate.", {"send_to_payroll", "await_client"}},
    {"final_pay", "Final check not received", "1630.75", "Last day worked last Friday; state deadline applies.", {}},
    {"deduction", "Unexpected benefits deduction", "64.20", "Worker waived medical at enrolment.",
     {"send_to_payroll", "await_worker"}},
    {"tax_form", "W-2 address correction", "", "Worker moved in March; W-2 went to the old address.",
     {"send_to_payroll", "resolve"}},
    {"direct_deposit", "Deposit returned by the bank", "975.00", "Account closed; new details requested.",
     {"await_worker"}},
}};

// A Slack channel per worker with the coordinator (their own export), and a worker's e-mail with a pay stub.
Status AddChatAndMailDemo(Platform& p, const auth::Principal& coordinator, const std::vector<json>& active,
                          Date today) {
  json users = json::array({{{"id", "UCOORD"}, {"name", "coordinator"},
                             {"profile", {{"real_name", coordinator.name}, {"email", "coordinator@concord.test"}}}}});
  std::vector<workforce::ChatFile> files;
  std::optional<json> emailer;
  const int64_t noon = Instant::Parse(today.AddDays(-1).ToString() + "T17:00:00Z").value().unix_seconds();
  for (size_t i = 1; i < active.size() && files.size() < 4; i += 5) {
    const json worker = TRY(p.workforce->Get(coordinator, workforce::WorkerTable(), active[i]["worker_id"].get<int64_t>()));
    if (!worker["email"].is_string()) continue;
    if (!emailer) emailer = worker;
    const std::string uid = "UW" + std::to_string(i);
    users.push_back({{"id", uid}, {"name", worker["first_name"]},
                     {"profile", {{"real_name", worker["first_name"].get<std::string>() + " " +
                                                    worker["last_name"].get<std::string>()},
                                  {"email", worker["email"]}}}});
    const json day = json::array(
        {{{"type", "message"}, {"user", uid}, {"ts", std::to_string(noon + 60 * i) + ".000100"},
          {"text", "Hi! Is the office closed on the holiday? And will my timecard for this week be due early?"}},
         {{"type", "message"}, {"user", "UCOORD"}, {"ts", std::to_string(noon + 60 * i + 300) + ".000200"},
          {"text", "Yes, closed Thursday and Friday. Please submit your timecard by Wednesday 5 pm."}}});
    files.push_back({"eor-worker-" + std::to_string(worker["id"].get<int64_t>()) + "/" + today.AddDays(-1).ToString() +
                         ".json",
                     day.dump(2)});
  }
  files.push_back({"users.json", users.dump(2)});
  TRY(p.workforce_comms->imports.ImportChat(coordinator, "slack", files, "demo"));
  if (emailer) {
    const std::string raw = "From: " + (*emailer)["first_name"].get<std::string>() + " <" +
                            (*emailer)["email"].get<std::string>() +
                            ">\r\nTo: coordinator@concord.test\r\nSubject: Pay stub question\r\nMessage-ID: <demo-stub@workers.example>\r\n"
                            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: "
                            "text/plain\r\n\r\nMy last stub shows a deduction I don't recognise (attached).\r\n--b\r\n"
                            "Content-Type: text/plain; name=\"stub.txt\"\r\nContent-Disposition: attachment; filename=\"stub.txt\"\r\n\r\n"
                            "Gross 1800.00\r\nBenefits deduction 64.20\r\n--b--\r\n";
    TRY(p.workforce_comms->imports.IngestMail(coordinator, raw, "demo"));
  }
  return {};
}

}  // namespace

Status AddCommsDemo(Platform& p, const auth::Principal& coordinator, const std::vector<json>& active, Date today) {
  auto& tickets = p.workforce_comms->payroll;
  for (size_t i = 0; i < kTickets.size() && i * 3 < active.size(); ++i) {
    const auto& shape = kTickets[i];
    const json& a = active[i * 3];
    const Date opened = today.AddDays(-static_cast<int>(2 * i));
    json input = {{"kind", shape.kind},
                  {"subject", shape.subject},
                  {"assignment_id", a["id"]},
                  {"pay_period_start", opened.AddDays(-14).ToString()},
                  {"pay_period_end", opened.AddDays(-8).ToString()},
                  {"research_notes", shape.notes}};
    if (*shape.amount) input["amount"] = shape.amount;
    json t = TRY(tickets.Open(coordinator, a["worker_id"].get<int64_t>(), input, opened, "demo"));
    for (const char* step : shape.steps) {
      json body = json::object();
      if (std::string(step) == "send_to_payroll") body["payroll_reference"] = "PAY-" + std::to_string(88200 + i);
      if (std::string(step) == "resolve") body["resolution"] = "Corrected W-2c mailed to the new address.";
      t = TRY(tickets.Act(coordinator, t["id"].get<int64_t>(), t["version"].get<int64_t>(), step, body, opened,
                          "demo"));
    }
  }
  TRY(AddChatAndMailDemo(p, coordinator, active, today));
  return AddKnowledgeDemo(p, coordinator);
}

}  // namespace concord::app
