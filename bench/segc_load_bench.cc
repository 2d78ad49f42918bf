// segc_load_bench: times rt::ReadCsv on the bench/customers.seg table and prints one JSON line.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "segc/csv.h"
#include "segc/schema.h"

namespace {

using segc::rt::ColumnSpec;
using segc::rt::ColumnType;

/// The runtime schema equivalent to bench/customers.seg (kept in sync by hand).
segc::rt::Schema CustomersSchema() {
  segc::rt::Schema s;
  s.table_name = "customers";
  s.key = "customer_id";
  auto col = [&](const char* name, ColumnType type, std::vector<std::string> labels = {}) {
    s.columns.push_back(ColumnSpec{name, type, std::move(labels), ""});
  };
  col("customer_id", ColumnType::kInt);
  col("cltv", ColumnType::kFloat);
  col("total_spent", ColumnType::kFloat);
  col("orders", ColumnType::kInt);
  col("first_purchase", ColumnType::kDate);
  col("last_purchase", ColumnType::kDate);
  col("age", ColumnType::kInt);
  col("country", ColumnType::kString);
  col("city", ColumnType::kString);
  col("sector", ColumnType::kString);
  col("channel", ColumnType::kEnum, {"web", "store", "app", "phone"});
  col("consent_email", ColumnType::kBool);
  col("consent_sms", ColumnType::kBool);
  col("lifecycle_stage", ColumnType::kEnum, {"customer", "prospect", "lead", "churned"});
  col("employees", ColumnType::kInt);
  col("email_opens_30d", ColumnType::kInt);
  col("visits_30d", ColumnType::kInt);
  col("unsubscribed", ColumnType::kBool);
  return s;
}

/// Bytes the loaded columns need: values, validity bitmaps (where present) and dictionaries.
/// Computed from the row count, not from buffer sizes (a buffer may have spare capacity that
/// was never touched and costs no memory).
int64_t RawColumnBytes(const segc::rt::Table& t) {
  const int64_t rows = t.num_rows();
  int64_t total = 0;
  for (int i = 0; i < t.num_columns(); ++i) {
    const segc::rt::Column& c = t.column(i);
    total += c.type() == ColumnType::kBool ? segc::rt::BitmapBytes(rows)
                                           : rows * segc::rt::ValueWidth(c.type());
    if (c.validity()) total += segc::rt::BitmapBytes(rows);
    if (c.dictionary()) {
      total += int64_t(c.dictionary()->offsets()->size() + c.dictionary()->bytes()->size());
    }
  }
  return total;
}

int64_t CpuMicros(const rusage& u) {
  return int64_t(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000 + u.ru_utime.tv_usec +
         u.ru_stime.tv_usec;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int threads = 1;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
      threads = std::atoi(argv[++i]);
    else
      path = argv[i];
  }
  if (path.empty() || threads < 1) {
    std::fprintf(stderr, "usage: segc_load_bench FILE.csv [--threads N]\n");
    return 2;
  }
  segc::rt::CsvOptions options;
  options.threads = threads;
  options.delimiter = ',';
  auto start = std::chrono::steady_clock::now();
  auto table = segc::rt::ReadCsv(path, CustomersSchema(), options);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!table.ok()) {
    std::fprintf(stderr, "segc_load_bench: %s\n", table.status().message().c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  FILE* f = std::fopen(path.c_str(), "rb");
  std::fseek(f, 0, SEEK_END);
  int64_t bytes = std::ftell(f);
  std::fclose(f);
  std::printf(
      "{\"engine\":\"segc\",\"threads\":%d,\"ms\":%.1f,\"rows\":%lld,\"bytes\":%lld,"
      "\"MB_s\":%.1f,\"cpu_ms\":%.1f,\"peak_rss_kb\":%ld,\"raw_column_bytes\":%lld}\n",
      threads, ms, (long long)table->num_rows(), (long long)bytes, bytes / 1e6 / (ms / 1e3),
      CpuMicros(usage) / 1e3, usage.ru_maxrss, (long long)RawColumnBytes(*table));
  return 0;
}
