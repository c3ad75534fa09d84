// Client accounts: the employers concord serves, their contacts and account team.
// Plain records and the pure rules that validate them; no I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace concord::clients {

inline const std::vector<std::string> kStatuses = {"prospect", "onboarding", "active", "on_hold", "terminated"};
inline const std::vector<std::string> kAddressKinds = {"billing", "mailing", "worksite", "headquarters"};
inline const std::vector<std::string> kTeamRoles = {"account_executive", "account_coordinator", "account_lead",
                                                    "hrbp", "payroll"};
inline const std::vector<std::string> kChannels = {"email", "phone", "sms", "chat", "portal"};
// A starting list for pickers; industry stays free text (NAICS sector names).
inline const std::vector<std::string> kIndustries = {
    "Accommodation and Food Services", "Administrative and Support Services", "Construction",
    "Educational Services", "Finance and Insurance", "Health Care and Social Assistance", "Information",
    "Manufacturing", "Professional, Scientific, and Technical Services", "Public Administration",
    "Real Estate and Rental and Leasing", "Retail Trade", "Transportation and Warehousing", "Utilities",
    "Wholesale Trade", "Arts, Entertainment, and Recreation", "Agriculture, Forestry, Fishing and Hunting",
    "Mining, Quarrying, and Oil and Gas Extraction", "Management of Companies and Enterprises", "Other Services"};

struct Address {
  std::string kind = "billing";
  std::string line1, line2, city, region, postal_code, country = "US";
};

struct TeamMember {
  int64_t user_id = 0;
  std::string name;  // filled when read
  std::string role;
};

struct Client {
  int64_t id = 0;
  std::string external_ref;
  std::string legal_name;
  std::string dba;
  std::string tax_id_sealed;   // encrypted; never leaves the service in clear
  std::string tax_id_masked;
  std::string industry;
  std::string status = "prospect";
  bool archived = false;
  std::vector<Address> addresses;
  std::vector<TeamMember> account_team;
  std::string service_notes;
  std::string processing_instructions;
  int64_t version = 1;
  std::string created_at, updated_at;
};

// A create or a partial update: absent members are left as they are.
struct ClientInput {
  std::optional<std::string> external_ref, legal_name, dba, tax_id, industry, status, service_notes,
      processing_instructions;
  std::optional<std::vector<Address>> addresses;
  std::optional<std::vector<TeamMember>> account_team;
};

struct Contact {
  int64_t id = 0;
  int64_t client_id = 0;
  std::string name, role, title, email, phone, preferred_channel = "email";
  bool is_primary = false;
  int64_t version = 1;
};

struct ContactInput {
  std::optional<std::string> name, role, title, email, phone, preferred_channel;
  std::optional<bool> is_primary;
};

// Pure rules. `creating` requires the mandatory fields.
std::vector<FieldError> ValidateClient(const ClientInput& input, bool creating);
std::vector<FieldError> ValidateContact(const ContactInput& input, bool creating);
// A US Employer Identification Number: nine digits, written NN-NNNNNNN (IRS Publication 1635).
// Returns the canonical form, or nullopt when it is not one.
std::optional<std::string> CanonicalEin(const std::string& text);
// Applies an input onto a record (after validation).
void Apply(const ClientInput& input, Client& client);
void Apply(const ContactInput& input, Contact& contact);

// JSON as the API shows it (tax id masked, never in clear).
nlohmann::json ToJson(const Client& client);
nlohmann::json ToJson(const Contact& contact);

}  // namespace concord::clients
