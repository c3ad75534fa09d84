// The Letter of Estimate (LOE) the client approves: the estimate's lines, totals and terms as a document.
// Its SHA-256 is recorded when it is sent and must match the one the client approved.
#pragma once

#include <string>

#include "agency/store.h"

namespace concord::agency {

struct RenderedDocument {
  std::string bytes, content_type, file_name;
};

// Deterministic: the same job and estimate always give the same bytes (so the checksum is reproducible).
Result<RenderedDocument> RenderLoeDocument(const Job& job, const EstimateRecord& record);

// The invoice (or credit note) as PDF.
Result<RenderedDocument> RenderInvoiceDocument(const InvoiceRecord& record);

}  // namespace concord::agency
