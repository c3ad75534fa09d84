// The optional second pass: pairs only-left with only-right records whose `suggest.on` columns agree
// after normalisation, scored by the fraction of compared columns that agree. Suggestions never change
// the classification; they are hints for the person resolving the exceptions.
#pragma once

#include <vector>

#include "recon/join.h"

namespace concord::recon {

// `unmatched` holds both sides; the result is in left-line order. Each right record is suggested once.
std::vector<Exception> SuggestMatches(const Plan& plan, const SourceData& left, const SourceData& right,
                                      double min_score, std::vector<UnmatchedRow> unmatched);

}  // namespace concord::recon
