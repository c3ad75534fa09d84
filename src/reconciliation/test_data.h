// The weekly VMS audit of docs/RECONCILE.md ("Worked example 1"), whose classes are worked by hand there:
// W-1001 and W-1003 match; W-1002 differs on the start date (3/11 against 3/12); W-1004 differs on the
// bill rate ($38.00 against 36.00); W-1006 is only in the VMS; W-1005 is twice in the assignments.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace concord::reconciliation::testdata {

// A file of tests/fixtures/vms-audit/ (CONCORD_SOURCE_DIR is compiled into every test binary).
inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/vms-audit/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline const std::string kSpec = Fixture("spec.toml");
inline const std::string kVms = Fixture("vms.csv");
inline const std::string kAssignments = Fixture("assignments.csv");

// The same assignments after someone corrected W-1004's bill rate.
inline const std::string kAssignmentsFixed = [] {
  std::string fixed = kAssignments;
  fixed.replace(fixed.find("36.00,E"), 7, "38.00,E");
  return fixed;
}();

}  // namespace concord::reconciliation::testdata
