// The contact report as the client receives it: who met, what was discussed and decided, and who does
// what by when.
#include "agency/meetings.h"
#include "pdf/pdf.h"

namespace concord::agency {

Result<RenderedDocument> ContactReportDocument(const ContactReport& r) {
  pdf::Document doc;
  doc.title = "Contact report: " + r.client_name;
  doc.subtitle = "Meeting of " + r.meeting_date.ToString() + " · " + r.author;
  doc.author = "concord";
  doc.footer = r.client_name + " · contact report " + std::to_string(r.id);
  doc.created = r.created_at;
  pdf::Table attendees{{"Attendee", "Side", "E-mail"}, {}, {}};
  for (const auto& a : r.attendees) attendees.rows.push_back({a.name, a.side, a.email});
  doc.blocks.push_back(pdf::Heading{"Attendees"});
  doc.blocks.push_back(std::move(attendees));
  doc.blocks.push_back(pdf::Heading{"Discussion"});
  doc.blocks.push_back(pdf::Paragraph{r.discussion.empty() ? "-" : r.discussion});
  doc.blocks.push_back(pdf::Heading{"Decisions"});
  doc.blocks.push_back(pdf::Paragraph{r.decisions.empty() ? "-" : r.decisions});
  pdf::Table actions{{"Action", "Owner", "Due", "Done"}, {}, {}};
  for (const auto& a : r.action_items) {
    actions.rows.push_back({a.text, a.owner_name, a.due_date ? a.due_date->ToString() : "",
                            a.done_at ? a.done_at->substr(0, 10) : ""});
  }
  doc.blocks.push_back(pdf::Heading{"Action items"});
  doc.blocks.push_back(std::move(actions));
  std::string bytes = TRY(pdf::Render(doc));
  return RenderedDocument{std::move(bytes), "application/pdf", "contact-report-" + std::to_string(r.id) + ".pdf"};
}

}  // namespace concord::agency
