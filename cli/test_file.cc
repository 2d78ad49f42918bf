// The parser of rule test files: indentation-structured lines (docs/testing.md "Rule tests").
#include "cli/test_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <tuple>

namespace segc::cli {
namespace {

/// One non-blank line without its comment: its indentation and text.
struct Line {
  int number = 0;
  int indent = 0;  ///< in characters (a tab counts as one)
  std::string text;
};

/// Cuts a `#` comment that is not inside double quotes.
std::string StripComment(const std::string& line) {
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) quoted = !quoted;
    if (line[i] == '#' && !quoted) return line.substr(0, i);
  }
  return line;
}

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  size_t start = 0;
  for (int number = 1; start <= text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = StripComment(text.substr(start, end - start));
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    size_t indent = line.find_first_not_of(" \t");
    if (indent != std::string::npos) {
      lines.push_back({number, int(indent), line.substr(indent)});
    }
    start = end + 1;
  }
  return lines;
}

enum class Tok { kWord, kNumber, kString, kPunct, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  ///< strings: the decoded value
  int column = 0;    ///< 1-based within the stripped line
};

bool WordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

/// Splits a statement into tokens; an unterminated string is reported through `error`.
std::vector<Token> Tokenize(const std::string& s, std::string* error, int* error_column) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    int column = int(i) + 1;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '"') {
      std::string value;
      size_t j = i + 1;
      for (; j < s.size() && s[j] != '"'; ++j) {
        if (s[j] == '\\' && j + 1 < s.size()) ++j;
        value += s[j];
      }
      if (j >= s.size()) {
        *error = "unterminated string";
        *error_column = column;
        return out;
      }
      out.push_back({Tok::kString, value, column});
      i = j + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '-' && i + 1 < s.size() &&
                std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      size_t j = i + 1;
      while (j < s.size() && (WordChar(s[j]) || s[j] == '-' || s[j] == '%')) ++j;
      out.push_back({Tok::kNumber, s.substr(i, j - i), column});
      i = j;
    } else if (WordChar(c)) {
      size_t j = i;
      while (j < s.size() && WordChar(s[j])) ++j;
      out.push_back({Tok::kWord, s.substr(i, j - i), column});
      i = j;
    } else {
      static const char* kTwo[] = {"==", "!=", "<=", ">="};
      std::string text(1, c);
      for (const char* two : kTwo) {
        if (s.compare(i, 2, two) == 0) text = two;
      }
      out.push_back({Tok::kPunct, text, column});
      i += text.size();
    }
  }
  out.push_back({Tok::kEnd, "", int(s.size()) + 1});
  return out;
}

/// A number of an expectation: "12.5", "1_000", "15%". nullopt when it is not one.
std::optional<std::pair<double, bool>> ParseNumber(const std::string& text) {
  std::string digits;
  bool percent = !text.empty() && text.back() == '%';
  for (size_t i = 0; i + (percent ? 1 : 0) < text.size(); ++i) {
    if (text[i] != '_') digits += text[i];
  }
  if (digits.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return std::nullopt;
  return std::make_pair(percent ? value / 100 : value, percent);
}

class Parser {
 public:
  Parser(const std::string& path, std::vector<Line> lines, std::vector<TestFileError>& errors)
      : dir_(std::filesystem::path(path).parent_path().string()),
        lines_(std::move(lines)),
        errors_(errors) {
    file_.path = path;
    file_.rules = Resolve("../rules");
  }

  TestFile Parse() {
    while (next_ < lines_.size()) TopLevel();
    return std::move(file_);
  }

 private:
  // ---- statements ----

  void TopLevel() {
    const Line& line = lines_[next_++];
    if (line.indent > 0) {
      Error(line, 1, "unexpected indented line", "indent only the lines of a fixture or a test");
      return;
    }
    if (!Tokens(line)) return;
    const std::string& word = tokens_[0].text;
    if (word == "rules" || word == "lib") {
      std::string path = Rest(line, 1);
      if (path.empty()) return Error(line, tokens_[0].column, "'" + word + "' needs a path", "");
      if (word == "rules") file_.rules = Resolve(path);
      if (word == "lib") file_.lib_dirs.push_back(Resolve(path));
    } else if (word == "test") {
      Test(line);
    } else if (!Common(line, file_.as_of, file_.params, file_.fixtures)) {
      Error(line, tokens_[0].column, fmt::format("unknown statement '{}'", word),
            "a test file holds rules, lib, as_of, param, fixture, sample and test lines");
    }
  }

  /// as_of, param, fixture, sample: allowed at the top and inside a test.
  bool Common(const Line& line, std::optional<std::string>& as_of,
              std::vector<std::pair<std::string, std::string>>& params,
              std::vector<Fixture>& fixtures) {
    const std::string& word = tokens_[0].text;
    if (word == "as_of") {
      as_of = Rest(line, 1);
      if (as_of->empty())
        Error(line, tokens_[0].column, "'as_of' needs a date", "as_of 2026-11-01");
    } else if (word == "param") {
      Param(line, params);
    } else if (word == "fixture" || word == "sample") {
      Data(line, fixtures);
    } else {
      return false;
    }
    return true;
  }

  void Param(const Line& line, std::vector<std::pair<std::string, std::string>>& params) {
    size_t eq = line.text.find('=');
    if (tokens_.size() < 3 || tokens_[1].kind != Tok::kWord || eq == std::string::npos) {
      return Error(line, tokens_[0].column, "a param line is 'param NAME = VALUE'",
                   "param vip_window = 60d");
    }
    std::string value = line.text.substr(eq + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    params.emplace_back(tokens_[1].text, value);
  }

  void Data(const Line& line, std::vector<Fixture>& fixtures) {
    Fixture fixture;
    fixture.sample = tokens_[0].text == "sample";
    fixture.at = {line.number, line.indent + 1};
    size_t t = 1;
    if (tokens_[t].kind == Tok::kWord && tokens_[t].text != "from")
      fixture.table = tokens_[t++].text;
    if (tokens_[t].kind == Tok::kWord && tokens_[t].text == "from") {
      if (tokens_[t + 1].kind != Tok::kString || tokens_[t + 2].kind != Tok::kEnd) {
        return Error(line, tokens_[t].column, "'from' needs a quoted path",
                     "fixture from \"fixtures/customers.csv\"");
      }
      fixture.path = Resolve(tokens_[t + 1].text);
    } else if (tokens_[t].kind != Tok::kEnd) {
      return Error(
          line, tokens_[t].column, "unexpected '" + tokens_[t].text + "'",
          "write 'fixture [TABLE]' and the rows below it, or 'fixture [TABLE] from \"PATH\"'");
    } else if (fixture.sample) {
      return Error(line, tokens_[0].column, "a sample is a file: 'sample [TABLE] from \"PATH\"'",
                   "");
    }
    size_t body = next_;
    while (next_ < lines_.size() && lines_[next_].indent > line.indent) {
      fixture.lines.push_back(lines_[next_].text);
      fixture.starts.push_back({lines_[next_].number, lines_[next_].indent + 1});
      ++next_;
    }
    if (!fixture.path.empty() && next_ != body) {
      return Error(lines_[body], 1, "a fixture read from a file has no rows of its own", "");
    }
    if (fixture.path.empty() && fixture.lines.empty()) {
      return Error(line, tokens_[0].column, "the fixture has no rows",
                   "indent a header line and the rows under 'fixture'");
    }
    for (const Fixture& other : fixtures) {
      if (other.table == fixture.table) {
        return Error(line, tokens_[0].column,
                     fixture.table.empty() ? std::string("a second fixture for the customer table")
                                           : "a second fixture for table '" + fixture.table + "'",
                     "give each table one fixture; a test's own fixture replaces the file's");
      }
    }
    fixtures.push_back(std::move(fixture));
  }

  void Test(const Line& line) {
    TestCase test;
    test.at = {line.number, 1};
    if (tokens_[1].kind != Tok::kString || tokens_[2].kind != Tok::kEnd) {
      while (next_ < lines_.size() && lines_[next_].indent > line.indent) ++next_;  // its body
      return Error(line, tokens_[0].column, "a test is named by a quoted string",
                   "test \"VIP needs a recent purchase\"");
    }
    test.name = tokens_[1].text;
    size_t expect_lines = 0;
    while (next_ < lines_.size() && lines_[next_].indent > line.indent) {
      const Line& inner = lines_[next_++];
      // A malformed expect line is reported itself; "expects nothing" would only repeat it.
      if (inner.text.rfind("expect", 0) == 0) ++expect_lines;
      if (!Tokens(inner)) continue;
      if (tokens_[0].text == "expect") {
        Expect(inner, test);
      } else if (!Common(inner, test.as_of, test.params, test.fixtures)) {
        Error(inner, tokens_[0].column,
              fmt::format("unknown statement '{}' in a test", tokens_[0].text),
              "a test holds expect, as_of, param, fixture and sample lines");
      }
    }
    if (expect_lines == 0) {
      Error(line, 1, fmt::format("test '{}' expects nothing", test.name),
            "indent 'expect ...' lines under it");
    }
    file_.tests.push_back(std::move(test));
  }

  // ---- expectations ----

  void Expect(const Line& line, TestCase& test) {
    Expectation e;
    e.at = {line.number, line.indent + tokens_[1].column};
    e.text = line.text.substr(size_t(tokens_[1].column - 1));
    pos_ = 1;
    std::string problem = ExpectBody(e);
    if (problem.empty() && Peek().kind != Tok::kEnd) problem = "unexpected '" + Peek().text + "'";
    if (!problem.empty()) {
      return Error(line, Peek().column, problem,
                   "forms: KEY in SEGMENT, KEY not in SEGMENT, SEGMENT == {KEY, ...}, "
                   "count NAME OP N, NAME[KEY] OP VALUE, sizes (docs/testing.md)");
    }
    test.expects.push_back(std::move(e));
  }

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  bool Accept(const std::string& text) {
    if (Peek().kind == Tok::kString || Peek().text != text) return false;
    ++pos_;
    return true;
  }
  /// Keys are numbers, quoted strings, or bare words such as L1 (not where a name may stand).
  bool IsKey(const Token& t) const { return t.kind != Tok::kPunct && t.kind != Tok::kEnd; }

  std::string ExpectBody(Expectation& e) {
    if (Peek().text == "sizes" && Peek(1).kind == Tok::kEnd) {
      ++pos_;
      e.kind = ExpectKind::kSizes;
      return "";
    }
    bool leading_word =
        Peek().kind == Tok::kWord && (Peek(1).text == "in" || Peek(1).text == "not");
    if (Peek().kind == Tok::kNumber || Peek().kind == Tok::kString || leading_word) {
      e.key = tokens_[pos_++].text;
      e.kind = Accept("not") ? ExpectKind::kNotMember : ExpectKind::kMember;
      if (!Accept("in")) return "expected 'in' or 'not in' after the key";
      return Name(e);
    }
    if (Peek().text == "count" && Peek(1).kind == Tok::kWord) {
      ++pos_;
      e.kind = ExpectKind::kCount;
      if (auto problem = Name(e); !problem.empty()) return problem;
      if (Accept("[")) {
        if (Peek().kind != Tok::kString) return "expected a quoted label in [ ]";
        e.label = tokens_[pos_++].text;
        if (!Accept("]")) return "expected ']'";
      }
      return Compare(e.compare, false);
    }
    if (auto problem = Name(e); !problem.empty()) return problem;
    if (Accept("[")) {
      if (!IsKey(Peek())) return "expected a key in [ ]";
      e.key = tokens_[pos_++].text;
      if (!Accept("]")) return "expected ']'";
      e.kind = ExpectKind::kValue;
      return Compare(e.compare, true);
    }
    if (Accept("==") && Accept("{")) {
      e.kind = ExpectKind::kMembers;
      while (!Accept("}")) {
        if (!e.keys.empty() && !Accept(",")) return "expected ',' or '}'";
        if (!IsKey(Peek())) return "expected a key (a number, a word or a quoted string)";
        e.keys.push_back(tokens_[pos_++].text);
      }
      return "";
    }
    return "cannot read this expectation";
  }

  std::string Name(Expectation& e) {
    if (Peek().kind != Tok::kWord) return "expected a segment, score or classify name";
    e.name = tokens_[pos_++].text;
    return "";
  }

  std::string Compare(Comparison& c, bool allow_label) {
    if (Accept("is")) {
      c.op = Accept("not") ? "is_not_null" : "is_null";
      return Accept("null") ? "" : "expected 'is null' or 'is not null'";
    }
    if (Accept("between")) {
      c.op = "between";
      if (auto problem = Number(c.low, c.low_percent); !problem.empty()) return problem;
      if (!Accept("and")) return "expected 'and'";
      return Number(c.high, c.high_percent);
    }
    for (const char* op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (Accept(op)) {
        c.op = op;
        if (allow_label && Peek().kind == Tok::kString && (c.op == "==" || c.op == "!=")) {
          c.label = tokens_[pos_++].text;
          return "";
        }
        return Number(c.low, c.low_percent);
      }
    }
    return "expected a comparison (== != < <= > >=, between A and B, is null)";
  }

  std::string Number(double& value, bool& percent) {
    auto number = Peek().kind == Tok::kNumber ? ParseNumber(Peek().text) : std::nullopt;
    if (!number) return "expected a number";
    ++pos_;
    value = number->first;
    percent = number->second;
    return "";
  }

  // ---- helpers ----

  bool Tokens(const Line& line) {
    std::string problem;
    int column = 0;
    tokens_ = Tokenize(line.text, &problem, &column);
    if (!problem.empty()) Error(line, column, problem, "");
    return problem.empty();
  }

  /// The text of `line` after its first `skip` tokens, unquoted when it is one string.
  std::string Rest(const Line& line, size_t skip) {
    if (tokens_[skip].kind == Tok::kEnd) return "";
    if (tokens_[skip].kind == Tok::kString && tokens_[skip + 1].kind == Tok::kEnd)
      return tokens_[skip].text;
    return line.text.substr(size_t(tokens_[skip].column - 1));
  }

  std::string Resolve(const std::string& path) const {
    if (path.empty() || path[0] == '/') return path;
    return (std::filesystem::path(dir_.empty() ? "." : dir_) / path).lexically_normal().string();
  }

  void Error(const Line& line, int column, std::string message, std::string hint) {
    errors_.push_back({{line.number, line.indent + column}, std::move(message), std::move(hint)});
  }

  std::string dir_;
  std::vector<Line> lines_;
  std::vector<TestFileError>& errors_;
  TestFile file_;
  size_t next_ = 0;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<TestFile> ParseTestFile(const std::string& path, const std::string& text,
                                      std::vector<TestFileError>& errors) {
  size_t before = errors.size();
  TestFile file = Parser(path, SplitLines(text), errors).Parse();
  if (errors.size() != before) {
    std::stable_sort(errors.begin() + long(before), errors.end(), [](const auto& a, const auto& b) {
      return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
    });
    return std::nullopt;
  }
  if (file.tests.empty()) {
    errors.push_back({{1, 1}, "the file has no tests", "add 'test \"NAME\"' with 'expect' lines"});
    return std::nullopt;
  }
  return file;
}

std::string FormatTestFileError(const std::string& path, const TestFileError& error) {
  std::string out =
      fmt::format("{}:{}:{}: error: {}\n", path, error.at.line, error.at.column, error.message);
  if (!error.hint.empty()) out += fmt::format("  = help: {}\n", error.hint);
  return out;
}

}  // namespace segc::cli
