// The account side's tables beyond 0600/0601: the rest of the account knowledge (processes, reporting
// preferences, approval chain, key dates), the account's files, and who locked the period and when.
#include "agency/store.h"

namespace concord::agency {

std::vector<store::Migration> AccountMigrations() {
  return {{"0610_agency_account_knowledge", R"sql(
ALTER TABLE agency_accounts ADD COLUMN processes TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_accounts ADD COLUMN reporting_preferences TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_accounts ADD COLUMN approval_chain TEXT NOT NULL DEFAULT '[]';
ALTER TABLE agency_accounts ADD COLUMN key_dates TEXT NOT NULL DEFAULT '[]';
CREATE TABLE agency_account_files (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  file_id {{int}} NOT NULL REFERENCES files(id),
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  archived_at TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_account_files_client ON agency_account_files (client_id, archived_at);
ALTER TABLE agency_settings ADD COLUMN locked_by TEXT;
ALTER TABLE agency_settings ADD COLUMN locked_at TEXT
)sql"},
          {"0611_agency_traffic_minutes", R"sql(
ALTER TABLE agency_traffic_meetings ADD COLUMN minutes TEXT NOT NULL DEFAULT ''
)sql"},
          {"0612_agency_action_item_contacts", R"sql(
ALTER TABLE agency_action_items ADD COLUMN owner_contact_id {{int}} REFERENCES contacts(id)
)sql"}};
}

}  // namespace concord::agency
