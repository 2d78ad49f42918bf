// Test helpers for end-to-end interpreter runs.
#include "tests/unit/interp/run_testing.h"

#include <gtest/gtest.h>

#include <cstring>

#include "segc/bitmap.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {

Result<rt::RunResult> TryRun(const std::string& rules, const rt::Table& table, int threads,
                             const std::map<std::string, std::string>& params,
                             int64_t morsel_rows) {
  api::CompileResult compiled = CompileRules(rules, driver::Engine::kInterp, params);
  if (compiled.error) return compiled.error->status;
  return RunCompiled(*compiled.program, table, threads, morsel_rows);
}

rt::RunResult RunRules(const std::string& rules, const rt::Table& table, int threads,
                       const std::map<std::string, std::string>& params, int64_t morsel_rows) {
  auto result = TryRun(rules, table, threads, params, morsel_rows);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? *result : rt::RunResult{};
}

rt::Table EngineTable(const std::vector<EngineRow>& rows) {
  std::vector<std::optional<int64_t>> id, orders;
  std::vector<std::optional<double>> cltv;
  std::vector<std::optional<int32_t>> last;
  std::vector<std::optional<std::string>> country, stage;
  std::vector<std::optional<bool>> consent;
  for (size_t i = 0; i < rows.size(); ++i) {
    id.push_back(int64_t(i));
    cltv.push_back(rows[i].cltv);
    orders.push_back(rows[i].orders);
    last.push_back(rows[i].last ? std::optional<int32_t>(kAsOf - *rows[i].last) : std::nullopt);
    country.push_back(rows[i].country);
    stage.push_back(rows[i].stage);
    consent.push_back(rows[i].consent);
  }
  auto table = rt::Table::Make(
      {"id", "cltv", "orders", "last_purchase", "country", "stage", "consent"},
      {rt::Column::FromInt64(id), rt::Column::FromFloat64(cltv), rt::Column::FromInt64(orders),
       rt::Column::FromDate32(last), rt::Column::FromStrings(country),
       rt::Column::FromEnum(stage, {"lead", "prospect", "customer"}),
       rt::Column::FromBool(consent)});
  EXPECT_TRUE(table.ok()) << table.status().message();
  return *table;
}

rt::Table SampleTable(int64_t n) {
  static const char* const kCountries[] = {"FR", "DE", "IT", "US", "Fr", "ES"};
  static const char* const kStages[] = {"lead", "prospect", "customer"};
  uint64_t x = 88172645463325252ull;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::vector<EngineRow> rows;
  for (int64_t i = 0; i < n; ++i) {
    uint64_t r = next();
    EngineRow& row = rows.emplace_back();
    if (r % 11 != 0) row.cltv = double(r % 100000) / 10.0;
    if (r % 13 != 1) row.orders = int64_t(r % 40);
    if (r % 17 != 2) row.last = int32_t((r >> 8) % 900);
    if (r % 19 != 3) row.country = kCountries[(r >> 16) % 6];
    if (r % 23 != 4) row.stage = kStages[(r >> 20) % 3];
    if (r % 7 != 5) row.consent = (r >> 24) % 2 == 0;
  }
  return EngineTable(rows);
}

std::vector<int64_t> Members(const rt::RunResult& result, const std::string& name) {
  for (const rt::SegmentResult& s : result.segments) {
    if (s.name != name) continue;
    std::vector<int64_t> rows;
    for (int64_t i = 0; i < result.rows; ++i) {
      if (rt::GetBit(s.bitmap->data(), i)) rows.push_back(i);
    }
    EXPECT_EQ(int64_t(rows.size()), s.count);
    return rows;
  }
  ADD_FAILURE() << "no segment " << name;
  return {};
}

const rt::ScoreResult& ScoreOf(const rt::RunResult& result, const std::string& name) {
  for (const rt::ScoreResult& s : result.scores) {
    if (s.name == name) return s;
  }
  ADD_FAILURE() << "no score " << name;
  static const rt::ScoreResult kNone;
  return kNone;
}

const rt::ClassResult& ClassOf(const rt::RunResult& result, const std::string& name) {
  for (const rt::ClassResult& c : result.classes) {
    if (c.name == name) return c;
  }
  ADD_FAILURE() << "no class " << name;
  static const rt::ClassResult kNone;
  return kNone;
}

std::optional<double> ScoreAt(const rt::RunResult& result, const std::string& name, int64_t i) {
  const rt::ScoreResult& s = ScoreOf(result, name);
  if (i >= s.values.length() || s.values.IsNull(i)) return std::nullopt;
  return s.values.Float64(i);
}

std::string LabelAt(const rt::RunResult& result, const std::string& name, int64_t i) {
  const rt::ClassResult& c = ClassOf(result, name);
  if (i >= c.values.length() || c.values.IsNull(i)) return "null";
  return std::string(c.values.String(i));
}

std::string Fingerprint(const rt::RunResult& result) {
  std::string out = "rows " + std::to_string(result.rows) + " overflow " +
                    std::to_string(result.overflow_count) + "\n";
  for (const rt::SegmentResult& s : result.segments) {
    out += s.name + " " + std::to_string(s.count) + ":";
    for (int64_t i = 0; i < result.rows; ++i) out += rt::GetBit(s.bitmap->data(), i) ? '1' : '0';
    out += "\n";
  }
  for (const rt::ScoreResult& s : result.scores) {
    out += s.name + ":";
    for (int64_t i = 0; i < result.rows; ++i) {
      if (s.values.IsNull(i)) {
        out += " _";
        continue;
      }
      uint64_t bits;
      double v = s.values.Float64(i);
      std::memcpy(&bits, &v, 8);
      out += " " + std::to_string(bits);
    }
    out += "\n";
  }
  for (const rt::ClassResult& c : result.classes) {
    out += c.name + ":";
    for (int64_t i = 0; i < result.rows; ++i) {
      out += c.values.IsNull(i) ? std::string(" _") : " " + std::to_string(c.values.Code(i));
    }
    out += "\n";
  }
  return out;
}

}  // namespace segc::testing
