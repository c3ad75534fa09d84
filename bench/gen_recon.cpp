// Deterministic generator of a reconciliation benchmark: two CSVs of N rows × 12 columns (an
// assignments export on the left, a VMS export on the right) with a known mix of differences:
//   ~1% only-left, ~1% only-right, ~5% mismatched in 1-3 fields, ~0.1% / ~0.05% duplicate keys,
//   the right side in another row order with mixed date formats (YYYY-MM-DD, MM/DD/YYYY), money
//   formats ("1234.50", "$1,234.50"), SSNs with or without dashes, padded names, and quoted fields
//   holding commas.
// Usage: gen_recon N left.csv right.csv   (same N, same files, every time)
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <string>

__extension__ typedef unsigned __int128 U128;

namespace {

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser: a stateless hash, so row i is the same for any N
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

const char* kFirst[] = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
                        "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
                        "Thomas", "Sarah", "Carlos", "Karen", "Wei", "Nancy", "Ahmed", "Lisa",
                        "Matthew", "Betty", "Anh", "Margaret", "Priya", "Sandra", "Kofi", "Ashley"};
const char* kLast[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
                       "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
                       "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
                       "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Nguyen",
                       "O'Brien"};
const char* kDept[] = {"Operations", "Finance", "\"Sales, East\"", "\"Sales, West\"", "Warehouse",
                       "Customer Care", "IT", "\"Research, Development\""};
const char* kTitle[] = {"Forklift Operator", "Accountant", "Account Executive", "Picker", "Agent",
                        "Analyst", "Engineer", "Supervisor", "Driver", "Nurse"};
const char* kStatus[] = {"Active", "Active", "Active", "Terminated", "Leave"};

struct Row {
  uint64_t id;
  char key_prefix;
  int first, last, dept, title, status;
  int dob_y, dob_m, dob_d, start_y, start_m, start_d;
  int ssn_a, ssn_b, ssn_c;
  int64_t bill_cents, pay_cents;
  int hours_tenths;
};

Row MakeRow(uint64_t i, char prefix) {
  uint64_t h = Mix(i * 2 + (prefix == 'R'));
  auto take = [&h](uint64_t n) {
    uint64_t v = h % n;
    h = Mix(h);
    return static_cast<int>(v);
  };
  Row r;
  r.id = i;
  r.key_prefix = prefix;
  r.first = take(32);
  r.last = take(32);
  r.dept = take(8);
  r.title = take(10);
  r.status = take(5);
  r.dob_y = 1950 + take(55);
  r.dob_m = 1 + take(12);
  r.dob_d = 1 + take(28);
  r.start_y = 2015 + take(11);
  r.start_m = 1 + take(12);
  r.start_d = 1 + take(28);
  r.ssn_a = 100 + take(800);
  r.ssn_b = 10 + take(89);
  r.ssn_c = 1000 + take(8999);
  r.bill_cents = 2000 + take(300000);  // up to $3,020.00: some need thousands separators
  r.pay_cents = r.bill_cents * 7 / 10;
  r.hours_tenths = 200 + take(250);
  return r;
}

void Money(std::string* out, int64_t cents, bool dollar_style) {
  char buf[48];
  if (!dollar_style) {
    std::snprintf(buf, sizeof(buf), "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
  } else if (cents >= 100000) {
    std::snprintf(buf, sizeof(buf), "\"$%" PRId64 ",%03" PRId64 ".%02" PRId64 "\"", cents / 100000,
                  cents / 100 % 1000, cents % 100);
  } else {
    std::snprintf(buf, sizeof(buf), "$%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
  }
  out->append(buf);
}

void Date(std::string* out, int y, int m, int d, bool us_style) {
  char buf[16];
  if (us_style) std::snprintf(buf, sizeof(buf), "%02d/%02d/%04d", m, d, y);
  else std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  out->append(buf);
}

// Writes one record. `variant` bits pick the right side's formats.
void Write(std::string* out, const Row& r, uint64_t variant) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%c%09" PRIu64 ",", r.key_prefix, r.id);
  out->append(buf);
  out->append(kFirst[r.first]).push_back(',');
  if (variant & 8) out->append("  ").append(kLast[r.last]).append(" ,");
  else out->append(kLast[r.last]).push_back(',');
  Date(out, r.dob_y, r.dob_m, r.dob_d, variant & 1);
  out->push_back(',');
  if (variant & 4) std::snprintf(buf, sizeof(buf), "%03d%02d%04d,", r.ssn_a, r.ssn_b, r.ssn_c);
  else std::snprintf(buf, sizeof(buf), "%03d-%02d-%04d,", r.ssn_a, r.ssn_b, r.ssn_c);
  out->append(buf);
  out->append(kDept[r.dept]).push_back(',');
  out->append(kTitle[r.title]).push_back(',');
  out->append(kStatus[r.status]).push_back(',');
  Date(out, r.start_y, r.start_m, r.start_d, variant & 1);
  out->push_back(',');
  Money(out, r.bill_cents, variant & 2);
  out->push_back(',');
  Money(out, r.pay_cents, variant & 2);
  std::snprintf(buf, sizeof(buf), ",%d.%d\n", r.hours_tenths / 10, r.hours_tenths % 10);
  out->append(buf);
}

// 1-3 fields changed to another value.
void Disturb(Row* r, uint64_t h) {
  int n = 1 + static_cast<int>(h % 3);
  for (int k = 0; k < n; ++k) {
    h = Mix(h);
    switch (h % 7) {
      case 0: r->last = (r->last + 1) % 32; break;
      case 1: r->dob_d = r->dob_d % 28 + 1; break;
      case 2: r->dept = (r->dept + 1) % 8; break;
      case 3: r->status = r->status == 3 ? 0 : 3; break;
      case 4: r->start_m = r->start_m % 12 + 1; break;
      case 5: r->bill_cents += 1 + static_cast<int64_t>(h % 500); break;
      case 6: r->hours_tenths += 5; break;
    }
  }
}

const char* kHeader =
    "emp_id,first_name,last_name,dob,ssn,department,job_title,status,start_date,bill_rate,pay_rate,hours\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: gen_recon N left.csv right.csv\n");
    return 2;
  }
  const uint64_t n = std::strtoull(argv[1], nullptr, 10);
  std::FILE* left = std::fopen(argv[2], "wb");
  std::FILE* right = std::fopen(argv[3], "wb");
  if (!left || !right || n == 0) {
    std::fprintf(stderr, "cannot open outputs\n");
    return 2;
  }
  std::fputs(kHeader, left);
  std::fputs(kHeader, right);
  std::string lbuf, rbuf;
  uint64_t only_left = 0, only_right = 0, disturbed = 0, dup_left = 0, dup_right = 0;
  // The right side lists rows in another order: i -> i * step mod n, a bijection when gcd(step, n) = 1.
  uint64_t step = 1000003;
  while (std::gcd(step, n) != 1) step += 2;
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t h = Mix(i ^ 0xABCDEF);
    Row l = MakeRow(i, 'E');
    Write(&lbuf, l, 0);
    if (h % 1000 == 1) {  // a second left row with the same key
      Write(&lbuf, l, 0);
      ++dup_left;
    }
    const uint64_t j = static_cast<uint64_t>((static_cast<U128>(i) * step) % n);
    const uint64_t hj = Mix(j ^ 0xABCDEF);
    if (hj % 100 == 0) {
      ++only_left;  // row j exists on the left only
    } else {
      Row r = MakeRow(j, 'E');
      if (hj % 100 >= 95) {
        Disturb(&r, Mix(hj));
        ++disturbed;
      }
      const uint64_t variant = Mix(hj) >> 60;  // 4 random bits: date, money, ssn, padding styles
      Write(&rbuf, r, variant);
      if (hj % 2000 == 7) {
        Write(&rbuf, r, variant);
        ++dup_right;
      }
    }
    if (h % 100 == 50) {
      Write(&rbuf, MakeRow(i, 'R'), h >> 60);
      ++only_right;
    }
    if (lbuf.size() > (1 << 20)) {
      std::fwrite(lbuf.data(), 1, lbuf.size(), left);
      lbuf.clear();
    }
    if (rbuf.size() > (1 << 20)) {
      std::fwrite(rbuf.data(), 1, rbuf.size(), right);
      rbuf.clear();
    }
  }
  std::fwrite(lbuf.data(), 1, lbuf.size(), left);
  std::fwrite(rbuf.data(), 1, rbuf.size(), right);
  if (std::fclose(left) != 0 || std::fclose(right) != 0) return 2;
  std::fprintf(stderr, "generated n=%" PRIu64 " only_left~%" PRIu64 " only_right~%" PRIu64 " disturbed~%" PRIu64
                       " dup_left=%" PRIu64 " dup_right=%" PRIu64 "\n",
               n, only_left, only_right, disturbed, dup_left, dup_right);
  return 0;
}
