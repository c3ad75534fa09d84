// Estimates (LOEs): drafts, sending with the LOE's checksum, client approval, revisions and change orders.
#include "agency/loaders.h"
#include "agency/loe.h"
#include "audit/audit.h"
#include "crypto/crypto.h"
#include "jobs/jobs.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kEstimateColumns =
    "e.id, e.client_id, e.job_id, j.number, e.number, e.revision, e.kind, e.parent_number, e.status, e.currency, "
    "e.lines, e.terms, e.close_probability, e.expected_close, e.sent_sha256, e.sent_at, e.approved_by, "
    "e.approval_method, e.approved_at, e.approval_sha256, e.version, e.created_at, e.updated_at";
constexpr const char* kEstimateFrom = "agency_estimates e JOIN agency_jobs j ON j.id = e.job_id";

const ListSpec kEstimateList{kEstimateFrom,
                             "e.id",
                             "e.client_id",
                             {"e.number", "j.number", "j.title"},
                             {{"updated_at", "e.updated_at"},
                              {"number", "e.number"},
                              {"status", "e.status"},
                              {"expected_close", "COALESCE(e.expected_close, '9999-12-31')"}},
                             {{"status", "e.status"}, {"job_id", "CAST(e.job_id AS TEXT)"},
                              {"client_id", "CAST(e.client_id AS TEXT)"}, {"kind", "e.kind"}}};

EstimateStatus StatusOf(const std::string& s) {
  for (auto st : {EstimateStatus::kDraft, EstimateStatus::kSent, EstimateStatus::kApproved, EstimateStatus::kDeclined,
                  EstimateStatus::kSuperseded}) {
    if (s == EstimateStatusName(st)) return st;
  }
  return EstimateStatus::kDraft;
}

ApprovalMethod MethodOf(const std::string& s) {
  if (s == "portal") return ApprovalMethod::kPortal;
  if (s == "signed_pdf") return ApprovalMethod::kSignedPdf;
  return ApprovalMethod::kEmail;
}

std::optional<Instant> OptInstant(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  auto parsed = Instant::Parse(*text);
  if (!parsed.ok()) return std::nullopt;
  return *parsed;
}

store::Value InstantValue(const std::optional<Instant>& t) { return t ? store::Value(t->ToString()) : store::Null(); }

EstimateRecord EstimateFromRow(const store::Row& r) {
  EstimateRecord rec;
  rec.id = r.Int(0);
  rec.client_id = r.Int(1);
  rec.job_id = r.Int(2);
  rec.job_number = r.Text(3);
  Estimate& e = rec.estimate;
  e.number = r.Text(4);
  e.revision = static_cast<int>(r.Int(5));
  e.kind = r.Text(6) == "change_order" ? EstimateKind::kChangeOrder : EstimateKind::kOriginal;
  e.parent_number = r.Text(7);
  e.status = StatusOf(r.Text(8));
  e.currency = r.Text(9);
  e.lines = LinesFromJson(r.Text(10), e.currency);
  e.terms = r.Text(11);
  e.close_probability_percent = DecimalOf(r.Text(12));
  e.expected_close = OptDate(r.OptText(13));
  e.sent_document_sha256 = r.OptText(14);
  e.sent_at = OptInstant(r.OptText(15));
  if (!r.IsNull(16)) {
    e.approval = ApprovalRecord{r.Text(16), MethodOf(r.Text(17)), OptInstant(r.OptText(18)).value_or(Instant()),
                                r.Text(19)};
  }
  rec.version = r.Int(20);
  rec.created_at = r.Text(21);
  rec.updated_at = r.Text(22);
  return rec;
}

std::string TotalText(const Estimate& e) {
  if (e.lines.empty() || !ValidateEstimate(e).ok()) return "0";
  return ComputeTotals(e).total.amount().ToString();
}

// Writes every mutable column of the record when its stored version is `expected_version`.
Status SaveEstimate(store::Connection& c, const EstimateRecord& rec, int64_t expected_version) {
  const Estimate& e = rec.estimate;
  const int64_t changed = TRY(c.Execute(
      "UPDATE agency_estimates SET status = ?, lines = ?, terms = ?, close_probability = ?, expected_close = ?, "
      "total = ?, sent_sha256 = ?, sent_at = ?, approved_by = ?, approval_method = ?, approved_at = ?, "
      "approval_sha256 = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
      {EstimateStatusName(e.status), LinesToJson(e.lines).dump(), e.terms, e.close_probability_percent.ToString(),
       DateValue(e.expected_close), TotalText(e), store::Opt(e.sent_document_sha256), InstantValue(e.sent_at),
       e.approval ? store::Value(e.approval->approved_by) : store::Null(),
       e.approval ? store::Value(ApprovalMethodName(e.approval->method)) : store::Null(),
       e.approval ? store::Value(e.approval->approved_at.ToString()) : store::Null(),
       e.approval ? store::Value(e.approval->document_sha256) : store::Null(), store::NowText(), rec.id,
       expected_version}));
  if (changed == 0) return StaleVersion("estimate");
  return {};
}

Result<int64_t> InsertEstimate(store::Connection& c, int64_t client_id, int64_t job_id, const Estimate& e) {
  const std::string now = store::NowText();
  auto row = c.QueryOne(
      "INSERT INTO agency_estimates (client_id, job_id, number, revision, kind, parent_number, status, currency, "
      "lines, terms, close_probability, expected_close, total, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {client_id, job_id, e.number, int64_t{e.revision},
       e.kind == EstimateKind::kChangeOrder ? "change_order" : "original", e.parent_number,
       EstimateStatusName(e.status), e.currency, LinesToJson(e.lines).dump(), e.terms,
       e.close_probability_percent.ToString(), DateValue(e.expected_close), TotalText(e), now, now});
  if (!row.ok()) {
    if (row.error().code == "store.unique_violation") {
      return Error::Conflict("estimate.revision_exists",
                             "Revision " + std::to_string(e.revision) + " of " + e.number + " already exists.");
    }
    return std::move(row).error();
  }
  return row->Int(0);
}

// Marks the other revisions of the same estimate number that `status` supersedes (see estimate.h).
Status SupersedeOlder(store::Connection& c, const EstimateRecord& rec, EstimateStatus older_status) {
  TRY(c.Execute(
      "UPDATE agency_estimates SET status = 'superseded', version = version + 1, updated_at = ? "
      "WHERE job_id = ? AND number = ? AND revision < ? AND status = ?",
      {store::NowText(), rec.job_id, rec.estimate.number, int64_t{rec.estimate.revision},
       EstimateStatusName(older_status)}));
  return {};
}

Status Audit(store::Connection& c, const auth::Principal& caller, const std::string& request_id,
             const std::string& action, const nlohmann::json& before, const EstimateRecord& after) {
  return audit::Append(c, caller.Actor(request_id),
                       {"agency_estimate", std::to_string(after.id), after.client_id, action, before, ToJson(after)});
}

}  // namespace

Result<EstimateRecord> LoadEstimate(store::Connection& conn, const Scope& scope, int64_t id) {
  return EstimateFromRow(TRY(LoadRow(conn, scope, kEstimateList, kEstimateColumns, id, "estimate")));
}

Result<std::vector<EstimateRecord>> LoadJobEstimates(store::Connection& conn, int64_t job_id) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kEstimateColumns + " FROM " + kEstimateFrom +
                                 " WHERE e.job_id = ? ORDER BY e.kind DESC, e.number, e.revision",
                             {job_id}));
  std::vector<EstimateRecord> out;
  for (const auto& r : rows) out.push_back(EstimateFromRow(r));
  return out;
}

Result<std::vector<EstimateRecord>> AgencyService::JobEstimates(const auth::Principal& caller, int64_t job_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadJob(*conn, caller.ClientScope(), job_id));
  return LoadJobEstimates(*conn, job_id);
}

Result<std::pair<std::vector<EstimateRecord>, KeyedRows>> AgencyService::ListEstimates(const auth::Principal& caller,
                                                                                      const ListQuery& query) {
  auto conn = TRY(db_.Acquire());
  return ListRecords<EstimateRecord>(*conn, caller.ClientScope(), kEstimateList, kEstimateColumns, query,
                                     EstimateFromRow);
}

Result<EstimateRecord> AgencyService::GetEstimate(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadEstimate(*conn, caller.ClientScope(), id);
}

namespace {
// Applies an input to a draft; labour lines without a rate (0) take the rate card's for the client's role.
Status ApplyEstimate(const EstimateInput& in, Estimate& e, const RateCard& card, const std::string& client_code,
                     Date today) {
  if (in.terms) e.terms = *in.terms;
  if (in.close_probability_percent) e.close_probability_percent = *in.close_probability_percent;
  if (in.expected_close) e.expected_close = *in.expected_close;
  if (in.lines) {
    e.lines = *in.lines;
    for (size_t i = 0; i < e.lines.size(); ++i) {
      EstimateLine& line = e.lines[i];
      if (line.kind != LineKind::kLabor) {  // expenses and fixed fees are priced by their cost
        line.rate = Money(Decimal(), e.currency);
        continue;
      }
      line.cost = Money(Decimal(), e.currency);
      if (!line.rate.amount().IsZero()) continue;
      auto resolved = card.Resolve(client_code, line.service, today);
      if (!resolved.ok()) {
        const std::string at = "lines[" + std::to_string(i) + "].rate";
        return Error::Invalid("rate.not_found", "No rate on the rate card for " + line.service + "; give one.",
                              {{at, "rate.not_found", "No rate card entry for " + line.service + "."}});
      }
      line.rate = resolved->rate;
    }
  }
  if (e.lines.empty()) {  // a draft may be saved before its lines; everything else is checked now
    Estimate probe = e;
    probe.lines.push_back({LineKind::kExpense, "probe", "", Decimal(), Money(Decimal(), e.currency),
                           Money(Decimal(), e.currency), Decimal()});
    return ValidateEstimate(probe);
  }
  return ValidateEstimate(e);
}
}  // namespace

Result<EstimateRecord> AgencyService::CreateEstimate(const auth::Principal& caller, int64_t job_id,
                                                     const EstimateInput& input, const std::string& request_id) {
  const Date today = Today();
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const Job job = TRY(LoadJob(c, caller.ClientScope(), job_id));
    if (IsFinal(job.status)) return ConflictAt("job.final", "job_id", "The job is closed or cancelled.");
    const int64_t originals =
        TRY(c.QueryOne("SELECT COUNT(DISTINCT number) FROM agency_estimates WHERE job_id = ? AND kind = 'original'",
                       {job_id}))
            .Int(0);
    Estimate e;
    e.number = job.number + "-E" + std::to_string(originals + 1);
    e.currency = job.currency;
    TRY(ApplyEstimate(input, e, TRY(LoadRateCard(c)), TRY(ClientCode(c, job.client_id)), today));
    const int64_t id = TRY(InsertEstimate(c, job.client_id, job_id, e));
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "create", nullptr, saved));
    return saved;
  });
}

Result<EstimateRecord> AgencyService::EditEstimate(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                   const EstimateInput& input, const std::string& request_id) {
  const Date today = Today();
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const EstimateRecord before = TRY(LoadEstimate(c, caller.ClientScope(), id));
    TRY(CheckEditable(before.estimate));
    EstimateRecord after = before;
    TRY(ApplyEstimate(input, after.estimate, TRY(LoadRateCard(c)), TRY(ClientCode(c, before.client_id)), today));
    TRY(SaveEstimate(c, after, expected_version));
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "update", ToJson(before), saved));
    return saved;
  });
}

Result<LoeDocument> AgencyService::RenderLoe(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  const EstimateRecord rec = TRY(LoadEstimate(*conn, caller.ClientScope(), id));
  const Job job = TRY(LoadJob(*conn, std::nullopt, rec.job_id));
  RenderedDocument doc = TRY(RenderLoeDocument(job, rec));
  const std::string sha = crypto::Sha256Hex(doc.bytes);
  return LoeDocument{std::move(doc.bytes), doc.content_type, doc.file_name, sha};
}

Result<LoeDocument> AgencyService::SentLoe(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  const EstimateRecord rec = TRY(LoadEstimate(*conn, caller.ClientScope(), id));
  auto rows = TRY(conn->Query(
      "SELECT file_id, sha256 FROM agency_documents WHERE entity = 'agency_estimate' AND entity_id = ? AND kind = 'loe' "
      "ORDER BY id DESC LIMIT 1",
      {rec.id}));
  if (rows.empty()) return Error::NotFound("estimate.not_sent", "This estimate has not been sent yet.");
  jobs::File file = TRY(jobs::LoadFile(*conn, rows.front().Int(0)));
  return LoeDocument{std::move(file.content), file.content_type, file.name, rows.front().Text(1)};
}

Result<EstimateRecord> AgencyService::SendEstimate(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                   const std::string& request_id) {
  const Instant now = Now();
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const EstimateRecord before = TRY(LoadEstimate(c, caller.ClientScope(), id));
    const Job job = TRY(LoadJob(c, std::nullopt, before.job_id));
    const RenderedDocument doc = TRY(RenderLoeDocument(job, before));
    const std::string sha = crypto::Sha256Hex(doc.bytes);
    EstimateRecord after = before;
    after.estimate = TRY(Send(before.estimate, sha, now));
    TRY(SaveEstimate(c, after, expected_version));
    const int64_t file_id =
        TRY(jobs::SaveFile(c, {0, doc.file_name, doc.content_type, doc.bytes, caller.user_id, before.client_id}));
    TRY(c.Execute("INSERT INTO agency_documents (client_id, entity, entity_id, kind, sha256, file_id, created_at) "
                  "VALUES (?, 'agency_estimate', ?, 'loe', ?, ?, ?)",
                  {before.client_id, id, sha, file_id, store::NowText()}));
    TRY(SupersedeOlder(c, after, EstimateStatus::kSent));  // an unanswered older revision is replaced by this one
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "send", ToJson(before), saved));
    return saved;
  });
}

Result<EstimateRecord> AgencyService::ApproveEstimate(const auth::Principal& caller, int64_t id,
                                                      int64_t expected_version, const ApprovalInput& input,
                                                      const std::string& request_id) {
  const Instant now = Now();
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const EstimateRecord before = TRY(LoadEstimate(c, caller.ClientScope(), id));
    ApprovalRecord record;
    // A client user approves for themself in the portal; staff record an approval received another way.
    const bool client = caller.role == auth::Role::kClientUser;
    record.approved_by = client || input.approved_by.empty() ? caller.name : input.approved_by;
    record.method = client ? ApprovalMethod::kPortal : input.method;
    record.approved_at = now;
    record.document_sha256 = input.document_sha256.value_or(before.estimate.sent_document_sha256.value_or(""));
    EstimateRecord after = before;
    after.estimate = TRY(Approve(before.estimate, record));
    TRY(SaveEstimate(c, after, expected_version));
    TRY(SupersedeOlder(c, after, EstimateStatus::kApproved));
    TRY(SupersedeOlder(c, after, EstimateStatus::kSent));
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "approve", ToJson(before), saved));
    return saved;
  });
}

Result<EstimateRecord> AgencyService::DeclineEstimate(const auth::Principal& caller, int64_t id,
                                                      int64_t expected_version, const std::string& request_id) {
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const EstimateRecord before = TRY(LoadEstimate(c, caller.ClientScope(), id));
    EstimateRecord after = before;
    after.estimate = TRY(Decline(before.estimate));
    TRY(SaveEstimate(c, after, expected_version));
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "decline", ToJson(before), saved));
    return saved;
  });
}

Result<EstimateRecord> AgencyService::ReviseEstimate(const auth::Principal& caller, int64_t id,
                                                     const std::string& request_id) {
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const EstimateRecord from = TRY(LoadEstimate(c, caller.ClientScope(), id));
    const Estimate next = TRY(Revise(from.estimate));
    const int64_t new_id = TRY(InsertEstimate(c, from.client_id, from.job_id, next));
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, new_id));
    TRY(Audit(c, caller, request_id, "revise", nullptr, saved));
    return saved;
  });
}

Result<EstimateRecord> AgencyService::AddChangeOrder(const auth::Principal& caller, int64_t id,
                                                     const std::string& request_id) {
  return db_.Transact<EstimateRecord>([&](store::Connection& c) -> Result<EstimateRecord> {
    const EstimateRecord parent = TRY(LoadEstimate(c, caller.ClientScope(), id));
    const int64_t orders =
        TRY(c.QueryOne("SELECT COUNT(DISTINCT number) FROM agency_estimates WHERE job_id = ? AND kind = 'change_order'",
                       {parent.job_id}))
            .Int(0);
    const Estimate order =
        TRY(NewChangeOrder(parent.estimate, parent.job_number + "-CO" + std::to_string(orders + 1)));
    const int64_t new_id = TRY(InsertEstimate(c, parent.client_id, parent.job_id, order));
    EstimateRecord saved = TRY(LoadEstimate(c, std::nullopt, new_id));
    TRY(Audit(c, caller, request_id, "change_order", nullptr, saved));
    return saved;
  });
}

nlohmann::json ToJson(const EstimateRecord& rec) {
  const Estimate& e = rec.estimate;
  nlohmann::json j = {{"id", rec.id},
                      {"client_id", rec.client_id},
                      {"job_id", rec.job_id},
                      {"job_number", rec.job_number},
                      {"number", e.number},
                      {"revision", e.revision},
                      {"kind", e.kind == EstimateKind::kChangeOrder ? "change_order" : "original"},
                      {"parent_number", e.parent_number},
                      {"status", EstimateStatusName(e.status)},
                      {"currency", e.currency},
                      {"lines", LinesToJson(e.lines)},
                      {"terms", e.terms},
                      {"close_probability_percent", e.close_probability_percent.ToString()},
                      {"expected_close", e.expected_close ? nlohmann::json(e.expected_close->ToString()) : nullptr},
                      {"sent_document_sha256", e.sent_document_sha256 ? nlohmann::json(*e.sent_document_sha256) : nullptr},
                      {"sent_at", e.sent_at ? nlohmann::json(e.sent_at->ToString()) : nullptr},
                      {"approval", nullptr},
                      {"version", rec.version},
                      {"created_at", rec.created_at},
                      {"updated_at", rec.updated_at}};
  if (!e.lines.empty() && ValidateEstimate(e).ok()) {
    const EstimateTotals t = ComputeTotals(e);
    j["totals"] = {{"labor", t.labor.amount().ToString()},
                   {"expenses", t.expenses.amount().ToString()},
                   {"fees", t.fees.amount().ToString()},
                   {"markup", t.markup.amount().ToString()},
                   {"total", t.total.amount().ToString()}};
  } else {
    j["totals"] = {{"labor", "0"}, {"expenses", "0"}, {"fees", "0"}, {"markup", "0"}, {"total", "0"}};
  }
  if (e.approval) {
    j["approval"] = {{"approved_by", e.approval->approved_by},
                     {"method", ApprovalMethodName(e.approval->method)},
                     {"approved_at", e.approval->approved_at.ToString()},
                     {"document_sha256", e.approval->document_sha256}};
  }
  return j;
}

}  // namespace concord::agency
