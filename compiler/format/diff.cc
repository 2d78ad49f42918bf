// Line diff: Myers' O((N+M)D) shortest edit script, then unified hunks with context.
#include "compiler/format/diff.h"

#include <algorithm>
#include <vector>

namespace segc::format {
namespace {

/// Lines of `text` without their newline; `missing_newline` if the last one has none.
std::vector<std::string_view> SplitLines(std::string_view text, bool& missing_newline) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(start));
      missing_newline = true;
      return lines;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  missing_newline = false;
  return lines;
}

enum class Op : char { kKeep = ' ', kDelete = '-', kInsert = '+' };

/// The shortest edit script from a to b, in order (Myers 1986, forward search with one saved
/// frontier per edit distance for the backtrack).
std::vector<Op> EditScript(const std::vector<std::string_view>& a,
                           const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = n + m, offset = max + 1;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  long found = -1;
  for (long d = 0; d <= max && found < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x;
      if (k == -d || (k != d && v[static_cast<size_t>(offset + k - 1)] <
                                    v[static_cast<size_t>(offset + k + 1)])) {
        x = v[static_cast<size_t>(offset + k + 1)];  // down: an insertion
      } else {
        x = v[static_cast<size_t>(offset + k - 1)] + 1;  // right: a deletion
      }
      long y = x - k;
      while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) ++x, ++y;
      v[static_cast<size_t>(offset + k)] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  // Walk back from (n, m) through the saved frontiers.
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const std::vector<long>& prev = trace[static_cast<size_t>(d)];
    long k = x - y;
    long prev_k;
    if (k == -d || (k != d && prev[static_cast<size_t>(offset + k - 1)] <
                                  prev[static_cast<size_t>(offset + k + 1)])) {
      prev_k = k + 1;
    } else {
      prev_k = k - 1;
    }
    long prev_x = prev[static_cast<size_t>(offset + prev_k)];
    long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::kKeep);
      --x, --y;
    }
    ops.push_back(x == prev_x ? Op::kInsert : Op::kDelete);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kKeep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string Range(size_t start, size_t count) {
  // Unified diff numbers lines from 1; an empty range names the line before it.
  size_t first = count == 0 ? start : start + 1;
  if (count == 1) return std::to_string(first);
  return std::to_string(first) + "," + std::to_string(count);
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view path,
                        int context) {
  if (before == after) return "";
  bool a_missing = false, b_missing = false;
  std::vector<std::string_view> a = SplitLines(before, a_missing);
  std::vector<std::string_view> b = SplitLines(after, b_missing);
  // A last line without newline differs from the same line with one.
  std::string a_last, b_last;
  std::vector<Op> ops = EditScript(a, b);
  if (a_missing != b_missing) {
    // Compare the last lines as different: rerun with a marker appended to the bare one.
    if (a_missing) a_last = std::string(a.back()) + '\n';
    if (b_missing) b_last = std::string(b.back()) + '\n';
    if (a_missing) a.back() = a_last;
    if (b_missing) b.back() = b_last;
    ops = EditScript(a, b);
  }
  auto write_line = [&](std::string& out, char mark, std::string_view line, bool last_bare) {
    out += mark;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);  // the marker above
    out += line;
    out += '\n';
    if (last_bare) out += "\\ No newline at end of file\n";
  };

  std::string out = "--- a/" + std::string(path) + "\n+++ b/" + std::string(path) + "\n";
  const size_t total = ops.size();
  // Position of each op in a and b.
  std::vector<size_t> pos_a(total + 1), pos_b(total + 1);
  for (size_t i = 0, x = 0, y = 0; i <= total; ++i) {
    pos_a[i] = x;
    pos_b[i] = y;
    if (i == total) break;
    if (ops[i] != Op::kInsert) ++x;
    if (ops[i] != Op::kDelete) ++y;
  }
  const size_t ctx = static_cast<size_t>(std::max(context, 0));
  size_t i = 0;
  while (i < total) {
    while (i < total && ops[i] == Op::kKeep) ++i;
    if (i == total) break;
    // A hunk: from ctx lines before this change to ctx lines after the last change that is
    // within 2*ctx unchanged lines of the previous one.
    size_t start = i >= ctx ? i - ctx : 0;
    size_t end = i;
    for (;;) {
      while (end < total && ops[end] != Op::kKeep) ++end;
      size_t keep = end;
      while (keep < total && ops[keep] == Op::kKeep) ++keep;
      if (keep < total && keep - end <= 2 * ctx) {
        end = keep;
        continue;
      }
      end = std::min(end + ctx, total);
      break;
    }
    out += "@@ -" + Range(pos_a[start], pos_a[end] - pos_a[start]) + " +" +
           Range(pos_b[start], pos_b[end] - pos_b[start]) + " @@\n";
    for (size_t j = start; j < end; ++j) {
      if (ops[j] == Op::kInsert) {
        write_line(out, '+', b[pos_b[j]], b_missing && pos_b[j] + 1 == b.size());
      } else if (ops[j] == Op::kDelete) {
        write_line(out, '-', a[pos_a[j]], a_missing && pos_a[j] + 1 == a.size());
      } else {
        write_line(out, ' ', a[pos_a[j]], a_missing && pos_a[j] + 1 == a.size());
      }
    }
    i = end;
  }
  return out;
}

}  // namespace segc::format
