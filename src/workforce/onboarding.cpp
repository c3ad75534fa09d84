#include "workforce/onboarding.h"

#include <fmt/format.h>

#include <array>

namespace concord::workforce {
namespace {

// State withholding certificates. Each names the form and the law it is issued under; states without a
// personal income tax on wages need none. Add a state as a new table version.
constexpr std::array kStateWithholding = {
    StateWithholding{"CA", "DE 4", "Employee's Withholding Allowance Certificate",
                     "Cal. Unemp. Ins. Code div. 6 (§13000 ff., personal income tax withholding); EDD Form DE 4"},
    StateWithholding{"TX", "", "", "No personal income tax (Tex. Const. art. VIII, §24-a)"},
    StateWithholding{"FL", "", "", "No personal income tax (Fla. Const. art. VII, §5(a))"},
    StateWithholding{"NY", "IT-2104", "Employee's Withholding Allowance Certificate",
                     "N.Y. Tax Law §671; DTF Form IT-2104"},
    StateWithholding{"PA", "", "",
                     "Flat-rate personal income tax without allowances (72 P.S. §7302): no state certificate. "
                     "Local earned income tax: residency certification under Act 32 of 2008"},
    StateWithholding{"IL", "IL-W-4", "Employee's and other Payee's Illinois Withholding Allowance Certificate",
                     "Illinois Income Tax Act (35 ILCS 5/); 86 Ill. Adm. Code 100.7110"},
    StateWithholding{"OH", "IT 4", "Employee's Withholding Exemption Certificate",
                     "Ohio Rev. Code §5747.06; Form IT 4"},
    StateWithholding{"GA", "G-4", "Employee's Withholding Allowance Certificate", "O.C.G.A. §48-7-102; DOR Form G-4"},
    StateWithholding{"NC", "NC-4", "Employee's Withholding Allowance Certificate",
                     "N.C. Gen. Stat. §105-163.5; DOR Form NC-4"},
    StateWithholding{"MI", "MI-W4", "Employee's Michigan Withholding Exemption Certificate",
                     "Income Tax Act of 1967 (P.A. 281 of 1967), MCL 206.703; due on or before the first day of "
                     "employment (Form MI-W4 instructions)"},
    StateWithholding{"MA", "M-4", "Massachusetts Employee's Withholding Exemption Certificate",
                     "Mass. G.L. c.62B §2; DOR Form M-4"},
    StateWithholding{"NJ", "NJ-W4", "Employee's Withholding Allowance Certificate",
                     "N.J.S.A. 54A:7-1 ff.; Division of Taxation Form NJ-W4"},
    StateWithholding{"WA", "", "", "No personal income tax on wages"},
};

constexpr StateWithholdingTable kWithholdingTable{"2026-11-22", kStateWithholding};

constexpr std::string_view kTemplateVersion = "2026-11-22";

Error Invalid(std::string code, std::string field, std::string message) {
  return Error::Invalid(std::move(code), message, {FieldError{std::move(field), "invalid", message}});
}

ChecklistItem Item(std::string id, std::string title, std::string citation, bool required = true,
                   std::optional<Date> due = std::nullopt) {
  return ChecklistItem{std::move(id), std::move(title), std::move(citation), required, due};
}

void AddContractorItems(const OnboardingProfile& p, std::vector<ChecklistItem>& items) {
  // Seed: ICs "properly onboarded, with accurate documentation and contracts in place prior to start".
  items.push_back(Item("contract_or_sow", "Signed contract or statement of work",
                       "Programme policy: contract in place before the engagement starts"));
  items.push_back(Item("classification_determination", "Classification determination (questionnaire scored)",
                       "IRS Pub. 15-A ch. 2; state ABC tests; IR35 / CRA RC4110 where they apply"));
  if (p.classification_approval_required) {
    items.push_back(Item("classification_approval", "Classification approved by an approver (escalated)",
                         "Escalation: high risk or several jurisdictions (issue 4)"));
  }
}

}  // namespace

std::string_view ToString(WorkerType type) {
  switch (type) {
    case WorkerType::kW2Employee:
      return "w2_employee";
    case WorkerType::kContractor1099:
      return "contractor_1099";
    case WorkerType::kForeignContractor:
      return "foreign_contractor";
  }
  return "unknown";
}

const StateWithholding* StateWithholdingTable::Find(std::string_view state) const {
  for (const auto& row : states) {
    if (row.state == state) return &row;
  }
  return nullptr;
}

const StateWithholdingTable& CurrentStateWithholdingTable() { return kWithholdingTable; }

ChecklistItem* Checklist::Find(std::string_view id) {
  for (auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

const ChecklistItem* Checklist::Find(std::string_view id) const {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

Status Checklist::MarkDone(std::string_view id) {
  ChecklistItem* item = Find(id);
  if (item == nullptr) {
    return Error::NotFound("onboarding.unknown_item", fmt::format("no checklist item '{}'", id));
  }
  item->done = true;
  return {};
}

Result<Checklist> GenerateChecklist(const OnboardingProfile& p, const BusinessCalendar& calendar) {
  Checklist out{std::string(kTemplateVersion), {}};
  auto& items = out.items;
  const bool us = p.work_country == "US";
  switch (p.worker_type) {
    case WorkerType::kW2Employee: {
      if (!us) {
        return Invalid("onboarding.no_template", "work_country",
                       fmt::format("no onboarding template for a W-2 employee working in {}", p.work_country));
      }
      if (p.work_state.empty()) {
        return Invalid("onboarding.state_required", "work_state", "a US employee needs the work state");
      }
      const StateWithholding* state = kWithholdingTable.Find(p.work_state);
      if (state == nullptr) {
        return Invalid(
            "onboarding.unknown_state", "work_state",
            fmt::format("no state withholding entry for '{}' in table {}", p.work_state, kWithholdingTable.version));
      }
      items.push_back(Item("i9_section1", "Form I-9 Section 1 (employee)",
                           "8 CFR 274a.2(b)(1)(i)(A): no later than the first day of employment", true, p.start_date));
      // Section 2 may be finished after the start, within three business days; it does not block activation
      // but carries its deadline.
      items.push_back(Item("i9_section2", "Form I-9 Section 2 (employer document review)",
                           "8 CFR 274a.2(b)(1)(ii): within three business days after the first day of work", false,
                           calendar.AddBusinessDays(p.start_date, 3)));
      items.push_back(
          Item("w4", "Form W-4 (federal withholding certificate)", "26 U.S.C. §3402(f); 26 CFR 31.3402(f)(2)-1"));
      if (!state->form.empty()) {
        items.push_back(Item("state_withholding",
                             fmt::format("Form {} — {} ({})", state->form, state->title, state->state),
                             std::string(state->citation)));
      }
      break;
    }
    case WorkerType::kContractor1099:
      if (!us) {
        return Invalid(
            "onboarding.no_template", "work_country",
            fmt::format("a 1099 contractor works in the US; for {} onboard a foreign contractor", p.work_country));
      }
      items.push_back(Item("w9", "Form W-9 (taxpayer identification number)",
                           "26 U.S.C. §6109; backup withholding without a TIN, 26 U.S.C. §3406"));
      AddContractorItems(p, items);
      break;
    case WorkerType::kForeignContractor:
      items.push_back(Item("w8ben", "Form W-8BEN (certificate of foreign status)",
                           "26 CFR 1.1441-1(e)(2)(i) (beneficial owner's withholding certificate)"));
      AddContractorItems(p, items);
      break;
  }
  if (p.background_check_required) {
    items.push_back(Item("background_check", "Background check cleared",
                         us ? "Programme requirement; FCRA 15 U.S.C. §1681b(b)(2) disclosure and authorization first"
                            : "Programme requirement"));
  }
  return out;
}

std::vector<MissingItem> MissingForActivation(const Checklist& checklist) {
  std::vector<MissingItem> out;
  for (const auto& item : checklist.items) {
    if (item.required_for_activation && !item.done && !item.waived) {
      out.push_back(MissingItem{item.id, item.title, item.citation});
    }
  }
  return out;
}

std::vector<std::string> MissingTitles(const Checklist& checklist) {
  std::vector<std::string> out;
  for (auto& missing : MissingForActivation(checklist)) out.push_back(std::move(missing.title));
  return out;
}

}  // namespace concord::workforce
