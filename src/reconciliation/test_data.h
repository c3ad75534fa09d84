// The weekly VMS audit of docs/RECONCILE.md ("Worked example 1"), whose classes are worked by hand there:
// W-1001 and W-1003 match; W-1002 differs on the start date (3/11 against 3/12); W-1004 differs on the
// bill rate ($38.00 against 36.00); W-1006 is only in the VMS; W-1005 is twice in the assignments.
#pragma once

namespace concord::reconciliation::testdata {

inline constexpr const char* kSpec = R"toml(
[left]
name = "vms"
key = ["Worker ID"]

[right]
name = "assignments"
key = ["worker_id"]

[compare]
normalize = ["trim"]

[[columns]]
left = "Worker Name"
right = "name"
normalize = ["trim", "collapse_spaces", "casefold"]

[[columns]]
left = "Assignment Start"
right = "start_date"
normalize = ["trim", "date"]
date_formats = ["MM/DD/YYYY", "M/D/YYYY", "YYYY-MM-DD"]

[[columns]]
left = "Bill Rate"
right = "bill_rate"
normalize = ["money"]
tolerance = "0.01"

[[columns]]
left = "Status"
right = "status"
normalize = ["trim", "casefold", "map"]
map = { active = "a", ended = "e" }
)toml";

inline constexpr const char* kVms =
    "Worker ID,Worker Name,Assignment Start,Bill Rate,Status\n"
    "W-1001,\"Garcia, Maria\",03/04/2024,$45.00,Active\n"
    "W-1002,\"Chen, Wei\",3/11/2024,$52.50,Active\n"
    "W-1003,\"Okafor, Ada\",03/18/2024,\"$1,050.00\",Active\n"
    "W-1004,\"Smith, John\",04/01/2024,$38.00,Ended\n"
    "W-1006,\"Lee, Ann\",04/08/2024,$40.00,Active\n";

inline constexpr const char* kAssignments =
    "worker_id,name,start_date,bill_rate,status\n"
    "W-1001,\"Garcia, Maria\",2024-03-04,45.00,A\n"
    "W-1002,\"Chen,  Wei\",2024-03-12,52.50,A\n"
    "W-1003,\"OKAFOR, Ada\",2024-03-18,1050.00,A\n"
    "W-1004,\"Smith, John\",2024-04-01,36.00,E\n"
    "W-1005,\"Park, Jin\",2024-04-08,41.00,A\n"
    "W-1005,\"Park, Jin\",2024-04-15,41.00,A\n";

// The same assignments after someone corrected W-1004's bill rate.
inline constexpr const char* kAssignmentsFixed =
    "worker_id,name,start_date,bill_rate,status\n"
    "W-1001,\"Garcia, Maria\",2024-03-04,45.00,A\n"
    "W-1002,\"Chen,  Wei\",2024-03-12,52.50,A\n"
    "W-1003,\"OKAFOR, Ada\",2024-03-18,1050.00,A\n"
    "W-1004,\"Smith, John\",2024-04-01,38.00,E\n"
    "W-1005,\"Park, Jin\",2024-04-08,41.00,A\n"
    "W-1005,\"Park, Jin\",2024-04-15,41.00,A\n";

}  // namespace concord::reconciliation::testdata
