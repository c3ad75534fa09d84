// Agency settings, the rate card and account knowledge.
#include <algorithm>
#include <cctype>

#include "agency/markup_default.h"
#include "agency/service.h"
#include "audit/audit.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

Settings SettingsFromRow(const store::Row& r) {
  Settings s;
  s.job_pattern = r.Text(0);
  s.invoice_pattern = r.Text(1);
  s.credit_note_pattern = r.Text(2);
  s.entry_window_days = static_cast<int>(r.Int(3));
  s.time_zone = r.Text(4);
  for (const auto& d : nlohmann::json::parse(r.Text(5), nullptr, false)) {
    if (auto date = d.is_string() ? OptDate(d.get<std::string>()) : std::nullopt) s.holidays.push_back(*date);
  }
  s.locked_through = OptDate(r.OptText(6));
  s.contact_report_days = static_cast<int>(r.Int(7));
  s.version = r.Int(8);
  s.locked_by = r.OptText(9).value_or("");
  s.locked_at = r.OptText(10);
  return s;
}

Result<std::string> UserName(store::Connection& conn, int64_t user_id, const std::string& field) {
  auto rows = TRY(conn.Query("SELECT name FROM users WHERE id = ?", {user_id}));
  if (rows.empty()) {
    return Error::Invalid("agency.user_unknown", "No user has id " + std::to_string(user_id) + ".",
                          {{field, "agency.user_unknown", "No user has id " + std::to_string(user_id) + "."}});
  }
  return rows.front().Text(0);
}

nlohmann::json TeamJson(const std::vector<TeamSeat>& team, bool with_names) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : team) {
    nlohmann::json j = {{"user_id", t.user_id}, {"role", t.role}, {"backup_user_id", nullptr}};
    if (t.backup_user_id) j["backup_user_id"] = *t.backup_user_id;
    if (with_names) {
      j["name"] = t.name;
      j["backup_name"] = t.backup_name;
    }
    out.push_back(j);
  }
  return out;
}

nlohmann::json PreferencesJson(const std::vector<ContactPreference>& prefs, bool with_names) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : prefs) {
    nlohmann::json j = {{"contact_id", p.contact_id},
                        {"preferred_method", p.preferred_method},
                        {"branding_requirements", p.branding_requirements}};
    if (with_names) {
      j["contact_name"] = p.contact_name;
      j["email"] = p.email;
      j["role"] = p.role;
    }
    out.push_back(j);
  }
  return out;
}

nlohmann::json ApprovalChainJson(const std::vector<ApprovalStep>& chain, bool with_names) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& step : chain) {
    nlohmann::json j = {{"step", step.step}, {"approves", step.approves}, {"contact_id", step.contact_id}};
    if (with_names) j["contact_name"] = step.contact_name;
    out.push_back(j);
  }
  return out;
}

nlohmann::json KeyDatesJson(const std::vector<KeyDate>& dates) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : dates) out.push_back({{"date", d.date.ToString()}, {"label", d.label}, {"yearly", d.yearly}});
  return out;
}

struct ContactFacts {
  std::string name, email, role;
};

Result<ContactFacts> LoadContactFacts(store::Connection& conn, int64_t contact_id) {
  auto rows = TRY(conn.Query("SELECT name, email, role FROM contacts WHERE id = ?", {contact_id}));
  if (rows.empty()) return ContactFacts{};
  return ContactFacts{rows.front().Text(0), rows.front().Text(1), rows.front().Text(2)};
}

constexpr const char* kAccountColumns =
    "a.client_id, a.client_code, c.legal_name, a.industry, a.org_structure, a.products, a.services, a.markets, "
    "a.distribution, a.branding_requirements, a.team, a.contact_preferences, a.version, a.updated_at, a.processes, "
    "a.reporting_preferences, a.approval_chain, a.key_dates";

Result<Account> AccountFromRow(store::Connection& conn, const store::Row& r) {
  Account a;
  a.client_id = r.Int(0);
  a.client_code = r.Text(1);
  a.client_name = r.Text(2);
  a.industry = r.Text(3);
  a.org_structure = r.Text(4);
  a.products = r.Text(5);
  a.services = r.Text(6);
  a.markets = r.Text(7);
  a.distribution = r.Text(8);
  a.branding_requirements = r.Text(9);
  for (const auto& t : nlohmann::json::parse(r.Text(10), nullptr, false)) {
    TeamSeat seat{t.value("user_id", int64_t{0}), t.value("role", ""), std::nullopt, "", ""};
    if (t.contains("backup_user_id") && t["backup_user_id"].is_number_integer()) {
      seat.backup_user_id = t["backup_user_id"].get<int64_t>();
      seat.backup_name = TRY(UserName(conn, *seat.backup_user_id, "team"));
    }
    seat.name = TRY(UserName(conn, seat.user_id, "team"));
    a.team.push_back(std::move(seat));
  }
  for (const auto& p : nlohmann::json::parse(r.Text(11), nullptr, false)) {
    ContactPreference pref{p.value("contact_id", int64_t{0}), p.value("preferred_method", "email"),
                           p.value("branding_requirements", ""), "", "", ""};
    const ContactFacts facts = TRY(LoadContactFacts(conn, pref.contact_id));
    pref.contact_name = facts.name;
    pref.email = facts.email;
    pref.role = facts.role;
    a.contact_preferences.push_back(std::move(pref));
  }
  a.version = r.Int(12);
  a.updated_at = r.Text(13);
  a.processes = r.Text(14);
  a.reporting_preferences = r.Text(15);
  for (const auto& s : nlohmann::json::parse(r.Text(16), nullptr, false)) {
    ApprovalStep step{s.value("step", 1), s.value("approves", ""), s.value("contact_id", int64_t{0}), ""};
    step.contact_name = TRY(LoadContactFacts(conn, step.contact_id)).name;
    a.approval_chain.push_back(std::move(step));
  }
  for (const auto& d : nlohmann::json::parse(r.Text(17), nullptr, false)) {
    if (auto date = OptDate(d.value("date", ""))) a.key_dates.push_back({*date, d.value("label", ""), d.value("yearly", false)});
  }
  return a;
}

Result<Account> LoadAccount(store::Connection& conn, const Scope& scope, int64_t client_id) {
  std::string sql = std::string("SELECT ") + kAccountColumns +
                    " FROM agency_accounts a JOIN clients c ON c.id = a.client_id WHERE a.client_id = ?";
  std::vector<store::Value> params{client_id};
  store::AppendScope(scope, "a.client_id", sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) {
    return Error::NotFound("agency.account_not_found",
                           "Client " + std::to_string(client_id) + " has no agency account yet.");
  }
  return AccountFromRow(conn, rows.front());
}

Status ValidateAccount(store::Connection& conn, int64_t client_id, const Account& a) {
  std::vector<FieldError> errors;
  const bool code_ok = !a.client_code.empty() && a.client_code.size() <= 16 &&
                       std::all_of(a.client_code.begin(), a.client_code.end(),
                                   [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; });
  if (!code_ok) {
    errors.push_back({"client_code", "agency.client_code_invalid",
                      "The client code goes into job numbers: 1 to 16 letters or digits."});
  }
  for (size_t i = 0; i < a.team.size(); ++i) {
    const auto& seat = a.team[i];
    const std::string at = "team[" + std::to_string(i) + "]";
    if (std::find(kTeamSeats.begin(), kTeamSeats.end(), seat.role) == kTeamSeats.end()) {
      errors.push_back({at + ".role", "agency.team_role_invalid", "The role must be lead or coordinator."});
    }
    if (auto name = UserName(conn, seat.user_id, at + ".user_id"); !name.ok()) errors.push_back(name.error().fields[0]);
    if (seat.backup_user_id) {
      if (*seat.backup_user_id == seat.user_id) {
        errors.push_back({at + ".backup_user_id", "agency.backup_self", "Nobody backs up themself."});
      } else if (auto b = UserName(conn, *seat.backup_user_id, at + ".backup_user_id"); !b.ok()) {
        errors.push_back(b.error().fields[0]);
      }
    }
  }
  for (size_t i = 0; i < a.contact_preferences.size(); ++i) {
    const auto& p = a.contact_preferences[i];
    const std::string at = "contact_preferences[" + std::to_string(i) + "]";
    auto rows = TRY(conn.Query("SELECT id FROM contacts WHERE id = ? AND client_id = ?", {p.contact_id, client_id}));
    if (rows.empty()) {
      errors.push_back({at + ".contact_id", "agency.contact_unknown", "Not a contact of this client."});
    }
    if (std::find(kContactMethods.begin(), kContactMethods.end(), p.preferred_method) == kContactMethods.end()) {
      errors.push_back({at + ".preferred_method", "agency.contact_method_invalid",
                        "One of email, phone, sms, video, in_person, portal."});
    }
  }
  for (size_t i = 0; i < a.approval_chain.size(); ++i) {
    const auto& step = a.approval_chain[i];
    const std::string at = "approval_chain[" + std::to_string(i) + "]";
    auto rows = TRY(conn.Query("SELECT id FROM contacts WHERE id = ? AND client_id = ?", {step.contact_id, client_id}));
    if (rows.empty()) errors.push_back({at + ".contact_id", "agency.contact_unknown", "Not a contact of this client."});
    if (step.approves.empty()) {
      errors.push_back({at + ".approves", "agency.approves_required", "Say what this step approves, e.g. estimates."});
    }
    if (step.step < 1) errors.push_back({at + ".step", "agency.step_invalid", "Steps count from 1."});
  }
  for (size_t i = 0; i < a.key_dates.size(); ++i) {
    if (a.key_dates[i].label.empty()) {
      errors.push_back({"key_dates[" + std::to_string(i) + "].label", "agency.key_date_label_required",
                        "Say what the date is, e.g. fiscal year end."});
    }
  }
  if (!errors.empty()) {
    std::string code = errors.front().code;
    return Error::Invalid(code, "The account has errors; see the fields.", std::move(errors));
  }
  return {};
}

}  // namespace

// ---- Settings ---------------------------------------------------------------------------------------------

Result<Settings> AgencyService::GetSettings() {
  auto conn = TRY(db_.Acquire());
  return SettingsFromRow(TRY(conn->QueryOne(
      "SELECT job_pattern, invoice_pattern, credit_note_pattern, entry_window_days, time_zone, holidays, "
      "locked_through, contact_report_days, version, locked_by, locked_at FROM agency_settings WHERE id = 1",
      {})));
}

Result<Settings> AgencyService::UpdateSettings(const auth::Principal& caller, int64_t expected_version,
                                               const nlohmann::json& patch, const std::string& request_id) {
  Settings s = TRY(GetSettings());
  const nlohmann::json before = ToJson(s);
  std::vector<FieldError> errors;
  auto text = [&](const char* key, std::string& out) {
    if (patch.contains(key) && patch[key].is_string()) out = patch[key].get<std::string>();
  };
  text("job_pattern", s.job_pattern);
  text("invoice_pattern", s.invoice_pattern);
  text("credit_note_pattern", s.credit_note_pattern);
  text("time_zone", s.time_zone);
  if (patch.contains("entry_window_days")) {
    if (!patch["entry_window_days"].is_number_integer() || patch["entry_window_days"].get<int>() < 0 ||
        patch["entry_window_days"].get<int>() > 30) {
      errors.push_back({"entry_window_days", "agency.entry_window_invalid", "A whole number of days, 0 to 30."});
    } else {
      s.entry_window_days = patch["entry_window_days"].get<int>();
    }
  }
  if (patch.contains("locked_through")) {
    const auto& v = patch["locked_through"];
    s.locked_through = v.is_string() ? OptDate(v.get<std::string>()) : std::nullopt;
    if (v.is_string() && !s.locked_through) {
      errors.push_back({"locked_through", "agency.date_invalid", "A date such as 2026-10-31, or null."});
    }
  }
  if (patch.contains("contact_report_days")) {
    const auto& v = patch["contact_report_days"];
    if (!v.is_number_integer() || v.get<int>() < 0 || v.get<int>() > 10) {
      errors.push_back({"contact_report_days", "agency.contact_report_days_invalid", "A whole number of days, 0 to 10."});
    } else {
      s.contact_report_days = v.get<int>();
    }
  }
  if (patch.contains("holidays") && patch["holidays"].is_array()) {
    s.holidays.clear();
    for (size_t i = 0; i < patch["holidays"].size(); ++i) {
      const auto& d = patch["holidays"][i];
      auto date = d.is_string() ? OptDate(d.get<std::string>()) : std::nullopt;
      if (!date) errors.push_back({"holidays[" + std::to_string(i) + "]", "agency.date_invalid", "Not a date."});
      else s.holidays.push_back(*date);
    }
  }
  auto markup = DefaultMarkupFromPatch(patch);
  if (!markup.ok()) errors.push_back(markup.error().fields.front());
  if (auto p = ParseNumberPattern(s.job_pattern, PatternRequirements::ForJobs()); !p.ok()) {
    errors.push_back({"job_pattern", p.error().code, p.error().message});
  }
  if (auto p = ParseNumberPattern(s.invoice_pattern, PatternRequirements::ForInvoices()); !p.ok()) {
    errors.push_back({"invoice_pattern", p.error().code, p.error().message});
  }
  if (auto p = ParseNumberPattern(s.credit_note_pattern, PatternRequirements::ForInvoices()); !p.ok()) {
    errors.push_back({"credit_note_pattern", p.error().code, p.error().message});
  }
  if (auto valid = s.Policy().calendar.Validate(); !valid.ok()) {
    errors.push_back({"time_zone", valid.error().code, valid.error().message});
  }
  if (!errors.empty()) {
    std::string code = errors.front().code;
    return Error::Invalid(code, "The settings have errors; see the fields.", std::move(errors));
  }
  nlohmann::json holidays = nlohmann::json::array();
  for (const auto& d : s.holidays) holidays.push_back(d.ToString());
  // Moving the lock records who moved it and when (the time screen shows it beside the locked entries).
  if (s.locked_through != OptDate(before["locked_through"].is_string()
                                      ? std::optional<std::string>(before["locked_through"].get<std::string>())
                                      : std::nullopt)) {
    s.locked_by = s.locked_through ? caller.name : "";
    s.locked_at = s.locked_through ? std::optional<std::string>(Now().ToString()) : std::nullopt;
  }
  return db_.Transact<Settings>([&](store::Connection& c) -> Result<Settings> {
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_settings SET job_pattern = ?, invoice_pattern = ?, credit_note_pattern = ?, "
        "entry_window_days = ?, time_zone = ?, holidays = ?, locked_through = ?, contact_report_days = ?, "
        "locked_by = ?, locked_at = ?, version = version + 1 WHERE id = 1 AND version = ?",
        {s.job_pattern, s.invoice_pattern, s.credit_note_pattern, int64_t{s.entry_window_days}, s.time_zone,
         holidays.dump(), DateValue(s.locked_through), int64_t{s.contact_report_days},
         s.locked_by.empty() ? store::Null() : store::Value(s.locked_by), store::Opt(s.locked_at),
         expected_version}));
    if (changed == 0) return StaleVersion("settings");
    s.version = expected_version + 1;
    nlohmann::json audit_before = before, audit_after = ToJson(s);
    audit_before[kDefaultMarkupField] = TRY(DefaultExpenseMarkup(c)).ToString();
    if (*markup) TRY(StoreDefaultExpenseMarkup(c, **markup));
    audit_after[kDefaultMarkupField] = TRY(DefaultExpenseMarkup(c)).ToString();
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"agency_settings", "1", std::nullopt, "update", audit_before, audit_after}));
    return s;
  });
}

// ---- Rate card --------------------------------------------------------------------------------------------

Result<std::vector<RateRow>> AgencyService::Rates(const auth::Principal& caller) {
  auto conn = TRY(db_.Acquire());
  std::string sql = "SELECT id, client_id, role, effective_from, rate, currency FROM agency_rates WHERE (client_id IS NULL";
  std::vector<store::Value> params;
  if (auto scope = caller.ClientScope()) {
    std::string in;
    store::AppendScope(scope, "client_id", in, params);
    sql += " OR (1 = 1" + in + ")";
  } else {
    sql += " OR 1 = 1";
  }
  sql += ") ORDER BY role, client_id, effective_from";
  std::vector<RateRow> out;
  for (const auto& r : TRY(conn->Query(sql, params))) {
    out.push_back({r.Int(0), r.OptInt(1), r.Text(2), *OptDate(r.Text(3)), MoneyOf(r.Text(4), r.Text(5))});
  }
  return out;
}

Result<RateRow> AgencyService::AddRate(const auth::Principal& caller, const RateInput& input,
                                       const std::string& request_id) {
  if (input.role.empty()) {
    return Error::Invalid("rate.role_required", "Name the role or service.", {{"role", "rate.role_required", "Required."}});
  }
  if (input.rate.amount().IsNegative()) {
    return Error::Invalid("rate.negative", "A rate is not negative.", {{"rate", "rate.negative", "Not below 0."}});
  }
  return db_.Transact<RateRow>([&](store::Connection& c) -> Result<RateRow> {
    if (input.client_id) {
      auto rows = TRY(c.Query("SELECT id FROM clients WHERE id = ?", {*input.client_id}));
      if (rows.empty() || !caller.CanSeeClient(*input.client_id)) {
        return Error::NotFound("client.not_found", "No client " + std::to_string(*input.client_id) + ".");
      }
    }
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_rates (client_id, role, effective_from, rate, currency, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {store::Opt(input.client_id), input.role, input.effective_from.ToString(), input.rate.amount().ToString(),
         input.rate.currency(), store::NowText()}));
    RateRow saved{row.Int(0), input.client_id, input.role, input.effective_from, input.rate};
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"agency_rate", std::to_string(saved.id), input.client_id, "create", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<RateCard> AgencyService::LoadRateCard(store::Connection& conn) {
  RateCard card;
  auto rows = TRY(conn.Query(
      "SELECT a.client_code, r.role, r.effective_from, r.rate, r.currency FROM agency_rates r "
      "LEFT JOIN agency_accounts a ON a.client_id = r.client_id ORDER BY r.id",
      {}));
  for (const auto& r : rows) {
    const Date from = *OptDate(r.Text(2));
    const Money rate = MoneyOf(r.Text(3), r.Text(4));
    if (r.IsNull(0)) card.SetRoleDefault(r.Text(1), from, rate);
    else card.SetClientRate(r.Text(0), r.Text(1), from, rate);
  }
  return card;
}

Result<std::string> AgencyService::ClientCode(store::Connection& conn, int64_t client_id) {
  auto rows = TRY(conn.Query("SELECT client_code FROM agency_accounts WHERE client_id = ?", {client_id}));
  if (rows.empty()) {
    return Error::Invalid("agency.account_required",
                          "Set up the client's agency account (its client code) before opening jobs.",
                          {{"client_id", "agency.account_required", "This client has no agency account."}});
  }
  return rows.front().Text(0);
}

// ---- Account knowledge ------------------------------------------------------------------------------------

// Searching matches every piece of knowledge written down (and the client's name and code).
const ListSpec kAccountList{"agency_accounts a JOIN clients c ON c.id = a.client_id",
                            "a.client_id",
                            "a.client_id",
                            {"c.legal_name", "a.client_code", "a.industry", "a.org_structure", "a.products",
                             "a.services", "a.markets", "a.distribution", "a.branding_requirements", "a.processes",
                             "a.reporting_preferences", "a.key_dates", "a.approval_chain"},
                            {{"client", "LOWER(c.legal_name)"},
                             {"code", "a.client_code"},
                             {"industry", "LOWER(a.industry)"},
                             {"updated_at", "a.updated_at"}},
                            {{"industry", "a.industry"}, {"code", "a.client_code"}}};

Result<std::pair<std::vector<Account>, KeyedRows>> AgencyService::ListAccounts(const auth::Principal& caller,
                                                                               const ListQuery& query) {
  auto conn = TRY(db_.Acquire());
  KeyedRows rows = TRY(ListRows(*conn, caller.ClientScope(), kAccountList, kAccountColumns, query));
  std::vector<Account> out;
  for (const auto& r : rows.rows) out.push_back(TRY(AccountFromRow(*conn, r)));
  return std::make_pair(std::move(out), std::move(rows));
}

Result<std::vector<Account>> AgencyService::Accounts(const auth::Principal& caller) {
  ListQuery everything;
  everything.sort = "client";
  everything.limit = 100000;
  return TRY(ListAccounts(caller, everything)).first;
}

Result<Account> AgencyService::GetAccount(const auth::Principal& caller, int64_t client_id) {
  auto conn = TRY(db_.Acquire());
  return LoadAccount(*conn, caller.ClientScope(), client_id);
}

Result<Account> AgencyService::SaveAccount(const auth::Principal& caller, int64_t client_id,
                                           std::optional<int64_t> expected_version, const AccountInput& in,
                                           const std::string& request_id) {
  return db_.Transact<Account>([&](store::Connection& c) -> Result<Account> {
    std::string sql = "SELECT id FROM clients WHERE id = ?";
    std::vector<store::Value> params{client_id};
    store::AppendScope(caller.ClientScope(), "id", sql, params);
    if (TRY(c.Query(sql, params)).empty()) {
      return Error::NotFound("client.not_found", "No client " + std::to_string(client_id) + ".");
    }
    auto existing = LoadAccount(c, std::nullopt, client_id);
    const bool creating = !existing.ok();
    if (!creating && !expected_version) {
      return Error{ErrorKind::kPreconditionRequired, "request.if_match_required",
                   "Send If-Match with the account's ETag to change it.", {}};
    }
    Account a = creating ? Account{} : *existing;
    a.client_id = client_id;
    auto set = [](const std::optional<std::string>& v, std::string& out) {
      if (v) out = *v;
    };
    set(in.client_code, a.client_code);
    set(in.industry, a.industry);
    set(in.org_structure, a.org_structure);
    set(in.products, a.products);
    set(in.services, a.services);
    set(in.markets, a.markets);
    set(in.distribution, a.distribution);
    set(in.branding_requirements, a.branding_requirements);
    set(in.processes, a.processes);
    set(in.reporting_preferences, a.reporting_preferences);
    if (in.team) a.team = *in.team;
    if (in.contact_preferences) a.contact_preferences = *in.contact_preferences;
    if (in.approval_chain) a.approval_chain = *in.approval_chain;
    if (in.key_dates) a.key_dates = *in.key_dates;
    TRY(ValidateAccount(c, client_id, a));
    const std::string now = store::NowText();
    const std::string team = TeamJson(a.team, false).dump();
    const std::string prefs = PreferencesJson(a.contact_preferences, false).dump();
    const std::string chain = ApprovalChainJson(a.approval_chain, false).dump();
    const std::string key_dates = KeyDatesJson(a.key_dates).dump();
    Result<int64_t> written = int64_t{0};
    if (creating) {
      written = c.Execute(
          "INSERT INTO agency_accounts (client_id, client_code, industry, org_structure, products, services, markets, "
          "distribution, branding_requirements, team, contact_preferences, processes, reporting_preferences, "
          "approval_chain, key_dates, version, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
          {client_id, a.client_code, a.industry, a.org_structure, a.products, a.services, a.markets, a.distribution,
           a.branding_requirements, team, prefs, a.processes, a.reporting_preferences, chain, key_dates, now, now});
    } else {
      written = c.Execute(
          "UPDATE agency_accounts SET client_code = ?, industry = ?, org_structure = ?, products = ?, services = ?, "
          "markets = ?, distribution = ?, branding_requirements = ?, team = ?, contact_preferences = ?, "
          "processes = ?, reporting_preferences = ?, approval_chain = ?, key_dates = ?, "
          "version = version + 1, updated_at = ? WHERE client_id = ? AND version = ?",
          {a.client_code, a.industry, a.org_structure, a.products, a.services, a.markets, a.distribution,
           a.branding_requirements, team, prefs, a.processes, a.reporting_preferences, chain, key_dates, now,
           client_id, *expected_version});
    }
    if (!written.ok()) {
      if (written.error().code == "store.unique_violation") {
        return Error::Invalid("agency.client_code_taken", "Another account uses this client code.",
                              {{"client_code", "agency.client_code_taken", "Already used by another account."}});
      }
      return std::move(written).error();
    }
    if (!creating && *written == 0) return StaleVersion("account");
    Account saved = TRY(LoadAccount(c, std::nullopt, client_id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"agency_account", std::to_string(client_id), client_id, creating ? "create" : "update",
                       creating ? nlohmann::json() : ToJson(*existing), ToJson(saved)}));
    return saved;
  });
}

// ---- JSON -------------------------------------------------------------------------------------------------

nlohmann::json ToJson(const Settings& s) {
  nlohmann::json holidays = nlohmann::json::array();
  for (const auto& d : s.holidays) holidays.push_back(d.ToString());
  return {{"job_pattern", s.job_pattern},
          {"invoice_pattern", s.invoice_pattern},
          {"credit_note_pattern", s.credit_note_pattern},
          {"entry_window_days", s.entry_window_days},
          {"time_zone", s.time_zone},
          {"holidays", holidays},
          {"locked_through", s.locked_through ? nlohmann::json(s.locked_through->ToString()) : nlohmann::json()},
          {"contact_report_days", s.contact_report_days},
          {"locked_by", s.locked_by.empty() ? nlohmann::json() : nlohmann::json(s.locked_by)},
          {"locked_at", s.locked_at ? nlohmann::json(*s.locked_at) : nlohmann::json()},
          {"version", s.version}};
}

nlohmann::json ToJson(const RateRow& r) {
  return {{"id", r.id},
          {"client_id", r.client_id ? nlohmann::json(*r.client_id) : nlohmann::json()},
          {"role", r.role},
          {"effective_from", r.effective_from.ToString()},
          {"rate", r.rate.amount().ToString()},
          {"currency", r.rate.currency()}};
}

nlohmann::json ToJson(const Account& a) {
  return {{"client_id", a.client_id},
          {"client_code", a.client_code},
          {"client_name", a.client_name},
          {"industry", a.industry},
          {"org_structure", a.org_structure},
          {"products", a.products},
          {"services", a.services},
          {"markets", a.markets},
          {"distribution", a.distribution},
          {"branding_requirements", a.branding_requirements},
          {"team", TeamJson(a.team, true)},
          {"contact_preferences", PreferencesJson(a.contact_preferences, true)},
          {"processes", a.processes},
          {"reporting_preferences", a.reporting_preferences},
          {"approval_chain", ApprovalChainJson(a.approval_chain, true)},
          {"key_dates", KeyDatesJson(a.key_dates)},
          {"version", a.version},
          {"updated_at", a.updated_at}};
}

}  // namespace concord::agency
