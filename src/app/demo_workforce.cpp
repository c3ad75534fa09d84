#include "app/demo_workforce.h"

#include <array>

#include "app/demo.h"
#include "app/demo_names.h"
#include "app/demo_random.h"
#include "app/demo_workforce_comms.h"
#include "workforce/timecard.h"
#include "workforce/vms_mapping.h"

namespace concord::app {
namespace {

using nlohmann::json;
using workforce::WorkforceService;
namespace names = demo_names;

struct ProgrammeShape {
  const char* vms;
  const char* msp;
  bool background_check;
};
constexpr std::array<ProgrammeShape, 6> kProgrammes = {{{"fieldglass", "Allegis MSP", true},
                                                        {"beeline", "Magnit", false},
                                                        {"vndly", "TAPFIN", false},
                                                        {"other", "", false},
                                                        {"fieldglass", "Guidant Global", true},
                                                        {"none", "", false}}};
constexpr std::array<std::string_view, 13> kStates = {"CA", "TX", "NY", "IL", "PA", "FL", "OH",
                                                      "GA", "NC", "MI", "MA", "NJ", "WA"};
constexpr std::array<std::string_view, 10> kTitles = {
    "Payroll Analyst",  "Data Engineer", "UX Researcher",     "Project Coordinator", "Warehouse Lead",
    "Software Developer", "HR Generalist", "Financial Analyst", "Nurse Case Manager",  "Technical Writer"};
constexpr std::array<std::string_view, 8> kCostCentres = {"CC-1010", "CC-1020", "CC-2040", "CC-3100",
                                                          "CC-3300", "CC-4500", "CC-5200", "CC-6000"};
// The share of assignments in each state (per 100), in life-cycle order.
constexpr std::array<std::pair<std::string_view, int>, 8> kStateMix = {{{"requested", 5},
                                                                        {"onboarding", 10},
                                                                        {"ready", 5},
                                                                        {"active", 55},
                                                                        {"ending", 7},
                                                                        {"ended", 8},
                                                                        {"offboarded", 7},
                                                                        {"cancelled", 3}}};

std::string Cents(int64_t cents) {
  return std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
}

std::string TargetState(Random& rng) {
  int roll = static_cast<int>(rng.Below(100));
  for (const auto& [state, share] : kStateMix) {
    if (roll < share) return std::string(state);
    roll -= share;
  }
  return "active";
}

class Builder {
 public:
  Builder(Platform& p, const auth::Principal& actor, Random& rng, Date today)
      : s_(*p.workforce), actor_(actor), rng_(rng), today_(today), monday_(workforce::WeekStart(today)) {}

  Result<json> Event(const json& a, json body) {
    return s_.ApplyEvent(actor_, a["id"].get<int64_t>(), a["version"].get<int64_t>(), body, "demo");
  }

  // Marks every open onboarding item done (documents for the tax forms), leaving `leave_open` items.
  Result<json> Onboard(json a, size_t leave_open) {
    std::vector<std::string> open;
    for (const auto& item : a["checklist"]["items"]) {
      if (item["required"].get<bool>() && !item["done"].get<bool>()) open.push_back(item["id"]);
    }
    if (a["worker_type"] != "w2_employee") {
      const json answers = {{"irs.behavioral.instructions", false}, {"irs.financial.investment", true},
                            {"irs.financial.profit_or_loss", true}, {"irs.relationship.contract", true},
                            {"abc.prong_a", true}, {"abc.prong_b", true}, {"abc.prong_c", true}};
      const json determination = TRY(s_.Classify(actor_, a["id"].get<int64_t>(), {{"answers", answers}}, "demo"));
      if (determination["status"] == "pending_approval") {
        TRY(s_.ApproveDetermination(actor_, determination["id"].get<int64_t>(), determination["version"].get<int64_t>(),
                                    "Reviewed with the client's legal team", "demo"));
      }
      a = TRY(s_.Get(actor_, workforce::AssignmentTable(), a["id"].get<int64_t>()));
    }
    for (size_t i = 0; i + leave_open < open.size(); ++i) {
      const std::string& item = open[i];
      if (item.starts_with("classification")) continue;
      if (item == "w4" || item == "w9" || item == "w8ben" || item == "contract_or_sow") {
        TRY(s_.AddDocument(actor_, a["id"].get<int64_t>(), item, item + ".pdf", "application/pdf",
                           "%PDF-1.4 demo " + item + " for assignment " + std::to_string(a["id"].get<int64_t>()),
                           "demo"));
        a = TRY(s_.Get(actor_, workforce::AssignmentTable(), a["id"].get<int64_t>()));
      } else {
        a = TRY(s_.SetChecklistItem(actor_, a["id"].get<int64_t>(), a["version"].get<int64_t>(), "checklist", item,
                                    "done", "", "demo"));
      }
    }
    return a;
  }

  // One worker and one assignment driven to `target`.
  Result<json> Assignment(const json& programme, int index, const std::string& target) {
    const std::string first = rng_.Pick(names::kFirstNames), last = rng_.Pick(names::kLastNames);
    const int kind = static_cast<int>(rng_.Below(100));
    const std::string type = kind < 70 ? "w2_employee" : kind < 92 ? "contractor_1099" : "foreign_contractor";
    const bool foreign = type == "foreign_contractor";
    const std::string state = foreign ? "" : rng_.Pick(kStates);
    json worker_in = {{"first_name", first},
                      {"last_name", last},
                      {"email", Lower(first) + "." + Lower(last) + std::to_string(index) + "@workers.example"},
                      {"phone", "+1 555 01" + std::to_string(10 + index % 90)},
                      {"worker_type", type},
                      {"home_country", foreign ? (index % 2 ? "GB" : "CA") : "US"},
                      {"home_state", state}};
    if (!foreign && rng_.Chance(80)) {
      worker_in["tax_id"] = std::to_string(100 + rng_.Below(565)) + "-" + std::to_string(10 + rng_.Below(89)) + "-" +
                            std::to_string(1000 + rng_.Below(8999));
    }
    const json worker = TRY(s_.CreateWorker(actor_, worker_in, "demo"));
    // Dates: future starts for those not yet working; past starts for the rest.
    int start_offset = 0;
    if (target == "requested" || target == "onboarding" || target == "ready" || target == "cancelled") {
      start_offset = static_cast<int>(rng_.Below(21)) - 1;
    } else {
      start_offset = -static_cast<int>(35 + rng_.Below(300));
    }
    const Date start = monday_.AddDays(start_offset);
    const Date end = target == "ending" ? monday_.AddDays(static_cast<int>(rng_.Below(12)))
                                        : today_.AddDays(static_cast<int>(20 + rng_.Below(200)));
    const int64_t pay = 1800 + static_cast<int64_t>(rng_.Below(7700));
    const int64_t bill = pay * 136 / 100;
    json input = {{"worker_id", worker["id"]},
                  {"programme_id", programme["id"]},
                  {"title", rng_.Pick(kTitles)},
                  {"manager_name", rng_.Pick(names::kFirstNames) + " " + rng_.Pick(names::kLastNames)},
                  {"location", foreign ? "Remote" : state + " office"},
                  {"work_country", foreign ? worker_in["home_country"].get<std::string>() : "US"},
                  {"work_state", state},
                  {"cost_centre", rng_.Pick(kCostCentres)},
                  {"start_date", start.ToString()},
                  {"end_date", end.ToString()},
                  {"pay_rate", Cents(pay)},
                  {"bill_rate", Cents(bill)}};
    if (programme["vms"] != "none") input["vms_work_order_id"] = "WO-" + std::to_string(programme["id"].get<int64_t>()) + "-" + std::to_string(1000 + index);
    json a = TRY(s_.CreateAssignment(actor_, input, "demo"));
    if (target == "requested") return a;
    if (target == "cancelled") return Event(a, {{"event", "cancel"}, {"reason", "The client withdrew the requisition."}});
    a = TRY(Event(a, {{"event", "start_onboarding"}}));
    if (target == "onboarding") return Onboard(a, 1 + rng_.Below(2));
    a = TRY(Onboard(a, 0));
    a = TRY(Event(a, {{"event", "complete_onboarding"}}));
    if (target == "ready") return a;
    a = TRY(Event(a, {{"event", "activate"}, {"first_day_details", "Report to reception at 9:00; bring photo ID."}}));
    if (target == "active") return a;
    const bool resigned = rng_.Chance(40);
    a = TRY(Event(a, {{"event", "give_notice"},
                      {"end_reason", resigned ? "resigned" : rng_.Chance(50) ? "completed" : "client_ended"},
                      {"notice_hours", resigned ? 80 : 0}}));
    if (target == "ending") return a;
    const Date last_day = today_.AddDays(-static_cast<int>(1 + rng_.Below(30)));
    a = TRY(Event(a, {{"event", "end"}, {"last_day_worked", std::max(last_day, start).ToString()}}));
    if (target == "ended") return a;
    for (const char* item : {"final_timecard", "equipment", "access", "vms_end"}) {
      a = TRY(s_.SetChecklistItem(actor_, a["id"].get<int64_t>(), a["version"].get<int64_t>(), "offboarding", item,
                                  "done", "", "demo"));
    }
    return Event(a, {{"event", "offboard"}});
  }

  // The last four weeks of time for an active assignment, with gaps, pending and rejected cards.
  Status Timecards(const json& a, const auth::Principal& approver) {
    for (int week = 4; week >= 1; --week) {
      const Date start = monday_.AddDays(-7 * week);
      if (start.ToString() < a["start_date"].get<std::string>()) continue;
      if (rng_.Chance(15)) continue;  // missing
      const bool overtime = rng_.Chance(20);
      const json hours = {{"regular", {"8", "8", "8", "8", "8", "0", "0"}},
                          {"overtime", {"0", "0", overtime ? "2.5" : "0", "0", "0", overtime ? "4" : "0", "0"}}};
      json tc = TRY(s_.SaveTimecard(actor_, a["id"].get<int64_t>(), start.ToString(), hours, "demo"));
      if (week == 1 && rng_.Chance(30)) continue;  // a draft not yet submitted
      tc = TRY(s_.DecideTimecard(actor_, tc["id"].get<int64_t>(), tc["version"].get<int64_t>(), "submit", "", "demo"));
      if (week == 1 || (week == 2 && rng_.Chance(25))) continue;  // waiting for the manager
      const bool reject = rng_.Chance(5);
      TRY(s_.DecideTimecard(approver, tc["id"].get<int64_t>(), tc["version"].get<int64_t>(),
                            reject ? "reject" : "approve", reject ? "Overtime was not pre-approved." : "", "demo"));
    }
    return {};
  }

  static std::string Lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }

  WorkforceService& s_;
  const auth::Principal& actor_;
  Random& rng_;
  Date today_, monday_;
};

// This week's Fieldglass export for a programme: its assignments as the VMS holds them, with the planted
// disagreements (an end date the VMS never got, a bill rate typed differently, a work order concord lacks).
Result<std::string> VmsExport(WorkforceService& s, const auth::Principal& actor, int64_t programme_id,
                              const std::string& vms, bool disagree) {
  const io::Table ours = TRY(s.AssignmentsTable(actor));
  std::string csv;
  for (const char* field : {"vms_work_order_id", "worker_email", "start_date", "end_date", "pay_rate", "bill_rate",
                            "vms_status", "manager_name"}) {
    csv += (csv.empty() ? "" : ",") + workforce::VmsHeader(vms, field);
  }
  csv += "\n";
  int planted = 0;
  const std::string prefix = "WO-" + std::to_string(programme_id) + "-";
  auto us_date = [](const std::string& iso) {
    return iso.size() == 10 ? iso.substr(5, 2) + "/" + iso.substr(8, 2) + "/" + iso.substr(0, 4) : iso;
  };
  for (const auto& row : ours.rows) {
    if (!row[0].starts_with(prefix)) continue;
    std::string end = row[4], bill = row[6];
    if (disagree && row[7] == "active" && planted < 2 && !end.empty()) {
      if (planted == 0) end = Date::Parse(end).value().AddDays(-14).ToString();
      if (planted == 1) bill = "1.00";
      ++planted;
    }
    csv += row[0] + "," + row[2] + "," + us_date(row[3]) + "," + us_date(end) + ",$" + row[5] + ",$" + bill + "," +
           static_cast<char>(std::toupper(static_cast<unsigned char>(row[7][0]))) + row[7].substr(1) + ",\"" + row[8] +
           "\"\n";
  }
  if (disagree) csv += prefix + "9999,lee.ann@workers.example,03/02/2026,12/31/2026,$40.00,$54.40,Active,Pat Kim\n";
  return csv;
}

}  // namespace

Status AddEorDemo(Platform& p, const auth::Principal& coordinator, const std::vector<int64_t>& client_ids,
                        uint64_t seed, int scale) {
  Random rng(seed ^ 0x5eed0004ULL);
  const Date today = workforce::TodayUtc();
  const auth::Principal admin{.user_id = coordinator.user_id, .name = coordinator.name, .role = auth::Role::kAdmin};
  Builder build(p, admin, rng, today);
  std::vector<json> programmes;
  for (size_t i = 0; i < kProgrammes.size() && i < client_ids.size(); ++i) {
    const auto client = TRY(p.clients->Get(admin, client_ids[i]));
    programmes.push_back(TRY(p.workforce->CreateProgramme(
        admin,
        {{"client_id", client.id},
         {"name", client.legal_name + " contingent workforce"},
         {"msp", kProgrammes[i].msp},
         {"vms", kProgrammes[i].vms},
         {"account_executive", rng.Pick(names::kFirstNames) + " " + rng.Pick(names::kLastNames)},
         {"checkin_schedule", i % 2 ? "monthly" : "biweekly"},
         {"background_check_required", kProgrammes[i].background_check},
         {"required_psr_fields", i == 0 ? json({"cost_centre", "end_date"}) : json::array()},
         {"processing_instructions",
          "Work orders arrive through " + std::string(kProgrammes[i].vms) +
              ". Confirm the cost centre with the hiring manager before activation; end dates change only by VMS "
              "revision."}},
        "demo")));
  }
  const int count = 240 * scale;
  std::vector<json> active;
  std::optional<int64_t> demo_worker;
  for (int i = 0; i < count; ++i) {
    const json& programme = programmes[static_cast<size_t>(i) % programmes.size()];
    const json a = TRY(build.Assignment(programme, i, TargetState(rng)));
    if (a["status"] == "active" || a["status"] == "ending") active.push_back(a);
    if (!demo_worker && a["status"] == "active" && a["client_id"] == json(client_ids.front())) demo_worker = a["worker_id"];
  }
  const auth::Principal client_manager{.user_id = coordinator.user_id, .name = "Client manager",
                                       .role = auth::Role::kAdmin};
  for (const auto& a : active) TRY(build.Timecards(a, client_manager));
  TRY(AddWorkforceLifeDemo(*p.workforce, admin, active, today));
  // A few expenses, one rejected.
  for (size_t i = 0; i < active.size() && i < 12; ++i) {
    const json e = TRY(p.workforce->CreateExpense(
        admin, {{"assignment_id", active[i]["id"]}, {"spent_on", today.AddDays(-3).ToString()},
                {"category", i % 3 ? "mileage" : "meals"}, {"amount", i % 3 ? "42.35" : "18.20"},
                {"description", i % 3 ? "Client site visit, 64 miles" : "Working lunch"}},
        "demo"));
    if (i == 0) {
      TRY(p.workforce->DecideExpense(client_manager, e["id"].get<int64_t>(), e["version"].get<int64_t>(), "reject",
                                     "Meals are not billable under this programme.", "demo"));
    }
  }
  // Calls and notes on some workers' timelines.
  for (size_t i = 0; i < active.size() && i < 20; i += 2) {
    TRY(p.workforce->AddTimelineEntry(
        admin, active[i]["worker_id"].get<int64_t>(),
        {{"kind", i % 4 ? "call" : "note"},
         {"subject", i % 4 ? "Quarterly check-in" : "Benefits question"},
         {"body", i % 4 ? "Worker is happy with the assignment; asked about the holiday schedule."
                        : "Asked how to enrol a dependant; sent the benefits guide."},
         {"assignment_id", active[i]["id"]}},
        "demo"));
  }
  TRY(AddCommsDemo(p, admin, active, today));
  // New work orders from the first programme's VMS: PSRs waiting, some missing details.
  std::string psrs =
      "Work Order ID,First Name,Last Name,Worker Email,Job Posting Title,Work Order Owner,Site State,Cost Center Code,"
      "Start Date,End Date,Pay Rate,Bill Rate,Worker Type\n";
  for (int i = 0; i < 12; ++i) {
    const std::string first = rng.Pick(names::kFirstNames), last = rng.Pick(names::kLastNames);
    const Date start = workforce::WeekStart(today).AddDays(7 + 7 * (i % 3));
    psrs += "WO-NEW-" + std::to_string(5000 + i) + "," + first + "," + last + "," + Builder::Lower(first) + "." +
            Builder::Lower(last) + ".new" + std::to_string(i) + "@workers.example," + rng.Pick(kTitles) + "," +
            (i % 4 == 3 ? "" : rng.Pick(names::kFirstNames) + " " + rng.Pick(names::kLastNames)) + "," +
            rng.Pick(kStates) + "," + (i % 5 == 4 ? "" : rng.Pick(kCostCentres)) + "," + start.ToString() + "," +
            start.AddDays(180).ToString() + ",$" + Cents(2500 + 100 * i) + ",$" + Cents((2500 + 100 * i) * 136 / 100) +
            "," + (i % 3 ? "W2" : "1099") + "\n";
  }
  TRY(p.workforce->ImportPsrs(admin, programmes[0]["id"].get<int64_t>(), psrs, "fieldglass-work-orders.csv", false,
                              "demo"));
  // This week's VMS audit: the first programme's export disagrees in three places; the second's agrees.
  for (size_t i = 0; i < 2 && i < programmes.size(); ++i) {
    const int64_t id = programmes[i]["id"].get<int64_t>();
    const std::string vms = TRY(VmsExport(*p.workforce, admin, id, programmes[i]["vms"].get<std::string>(), i == 0));
    TRY(p.workforce->StartVmsAudit(coordinator, id, vms, "vms-active-workers.csv", "demo"));
  }
  if (demo_worker) {
    TRY(p.accounts->AddUser({"worker@concord.test", "Demo Worker", auth::Role::kWorker, kDemoPassword, {}, *demo_worker},
                            audit::Actor::System("demo")));
  }
  return {};
}

}  // namespace concord::app
