// The deliverables table (deliverable.h) and what a request may write.
#pragma once

#include "workforce/records.h"

namespace concord::workforce {

const TableMap& DeliverableTable();
const InputSpec& DeliverableInput();

}  // namespace concord::workforce
