#include "wfm/wfm_command.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

namespace concord::wfm {
namespace {

struct StaffingArgs {
  StaffingRequest request;
  double interval_min = 30;
  double patience_s = 0;
  bool json = false;
};

// 80 → 0.80; 0.8 stays 0.8.
double Fraction(double value) { return value > 1 ? value / 100.0 : value; }

std::string Percent(double fraction) { return fmt::format("{:.1f}%", 100.0 * fraction); }

void PrintText(const StaffingRequest& r, const StaffingResult& s, std::ostream& out) {
  out << fmt::format("model          {}\n", ModelName(s.model));
  out << fmt::format("traffic        {:.3f} Erlangs\n", s.traffic);
  out << fmt::format("agents         {}\n", s.agents);
  out << fmt::format("positions      {} (shrinkage {})\n", s.positions, Percent(r.shrinkage));
  out << fmt::format("service level  {} answered within {:g} s (target {})\n",
                     Percent(s.service_level), r.target_s, Percent(r.target_sl));
  out << fmt::format("ASA            {:.1f} s\n", s.asa_s);
  out << fmt::format("occupancy      {}\n", Percent(s.occupancy));
  if (s.model == StaffingModel::kErlangA)
    out << fmt::format("abandonment    {}\n", Percent(s.p_abandon));
}

void PrintJson(const StaffingResult& s, std::ostream& out) {
  nlohmann::json j = {
      {"model", ModelName(s.model)},
      {"traffic_erlangs", s.traffic},
      {"agents", s.agents},
      {"positions", s.positions},
      {"service_level", s.service_level},
      {"p_wait", s.p_wait},
      {"asa_s", std::isfinite(s.asa_s) ? nlohmann::json(s.asa_s) : nlohmann::json(nullptr)},
      {"occupancy", s.occupancy},
  };
  if (s.model == StaffingModel::kErlangA) j["p_abandon"] = s.p_abandon;
  out << j.dump() << "\n";
}

}  // namespace

int RunStaffingCommand(const StaffingRequest& request, bool json, std::ostream& out,
                       std::ostream& err) {
  Result<StaffingResult> result = Staff(request);
  if (!result) {
    const Error& e = result.error();
    err << "error: " << e.message << " (" << e.code << ")\n";
    return ExitCode(e.kind);
  }
  if (json) {
    PrintJson(*result, out);
  } else {
    PrintText(request, *result, out);
  }
  return 0;
}

void AddWfmCommand(CLI::App& app) {
  CLI::App* wfm = app.add_subcommand("wfm", "Workforce management: staffing and forecasting");
  wfm->require_subcommand(1);
  auto args = std::make_shared<StaffingArgs>();
  CLI::App* staffing =
      wfm->add_subcommand("staffing", "Agents and positions for one interval (Erlang C / Erlang A)");
  staffing->add_option("--contacts", args->request.contacts, "Contacts offered in the interval")
      ->required();
  staffing->add_option("--interval-min", args->interval_min, "Interval length in minutes")
      ->required();
  staffing->add_option("--aht-s", args->request.aht_s, "Average handle time in seconds")->required();
  staffing->add_option("--target-sl", args->request.target_sl,
                       "Service-level target, fraction or percent (0.8 or 80)")
      ->required();
  staffing->add_option("--target-s", args->request.target_s, "Answer-time target in seconds")
      ->required();
  staffing->add_option("--shrinkage", args->request.shrinkage, "Shrinkage, fraction or percent")
      ->capture_default_str();
  staffing->add_option("--max-occupancy", args->request.max_occupancy,
                       "Maximum occupancy, fraction or percent")
      ->capture_default_str();
  CLI::Option* patience = staffing->add_option(
      "--patience-s", args->patience_s, "Average patience in seconds: selects Erlang A");
  staffing->add_option("--max-abandonment", args->request.max_abandonment,
                       "Erlang A: maximum abandonment, fraction or percent")
      ->capture_default_str();
  staffing->add_flag("--json", args->json, "Print one JSON object");
  staffing->callback([args, patience] {
    StaffingRequest r = args->request;
    r.interval_s = args->interval_min * 60.0;
    r.target_sl = Fraction(r.target_sl);
    r.shrinkage = Fraction(r.shrinkage);
    r.max_occupancy = Fraction(r.max_occupancy);
    r.max_abandonment = Fraction(r.max_abandonment);
    if (patience->count() > 0) r.patience_s = args->patience_s;
    const int code = RunStaffingCommand(r, args->json, std::cout, std::cerr);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace concord::wfm
