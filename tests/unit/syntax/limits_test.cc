// Limits instead of crashes: nesting depth on a 256 KiB stack, huge and hostile files.
#include <gtest/gtest.h>
#include <pthread.h>

#include <chrono>
#include <ctime>
#include <functional>

#include "tests/unit/syntax/parse_helpers.h"

namespace segc::syntax::testing {
namespace {

// AddressSanitizer pads every stack frame with redzones (several times the plain frame size), so
// the sanitizer build gets proportionally more room; the release build proves the 256 KiB margin.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kSmallStack = 4 * 256 * 1024;
#else
constexpr size_t kSmallStack = 256 * 1024;
#endif

/// Runs `work` on a thread whose stack is `stack_bytes` (a std::thread cannot choose its stack).
void RunWithStack(size_t stack_bytes, std::function<void()> work) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, stack_bytes), 0);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, &work), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

/// Parses, prints and destroys on a small stack; returns the diagnostics seen.
std::string ParseOnSmallStack(const std::string& source) {
  std::string diagnostics;
  RunWithStack(kSmallStack, [&] {
    auto p = ParseText(source);
    diagnostics = p->AllDiagnostics();
    (void)p->Printed();
  });
  return diagnostics;
}

std::string Parens(size_t depth) {
  return "segment A where " + std::string(depth, '(') + "x" + std::string(depth, ')') + " > 1\n";
}

std::string Repeat(const std::string& piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

const uint32_t kLimit = ParseOptions{}.max_depth;

TEST(NestingLimit, HundredThousandParenthesesGiveE0012OnSmallStack) {
  std::string d = ParseOnSmallStack(Parens(100000));
  EXPECT_EQ(d.substr(0, 11), "E0012 1:81 ") << d;
}

TEST(NestingLimit, ParenthesesExactlyAtTheLimitParseOnSmallStack) {
  // Comparison at depth 1, its left side at 2, then the parenthesised chain below it.
  EXPECT_EQ(ParseOnSmallStack(Parens(kLimit)), "");
  EXPECT_NE(ParseOnSmallStack(Parens(kLimit + 1)), "");
}

TEST(NestingLimit, MixedArithmeticAndParenthesesAtTheLimitParseOnSmallStack) {
  std::string e = Repeat("(a + ", kLimit / 2 - 1) + "x" + std::string(kLimit / 2 - 1, ')');
  EXPECT_EQ(ParseOnSmallStack("segment A where " + e + " > 1\n"), "");
}

TEST(NestingLimit, HundredThousandTermAndChainParsesOnSmallStack) {
  std::string source = "segment A where x0" + Repeat(" and x", 100000) + "\n";
  std::string d;
  RunWithStack(kSmallStack, [&] {
    auto p = ParseText(source);
    d = p->AllDiagnostics();
    ASSERT_EQ(p->file->decls.size(), 1u);
    const auto& seg = std::get<ast::SegmentDecl>(p->file->decls[0].kind);
    EXPECT_EQ(std::get<ast::Logical>(seg.where->kind).operands.size(), 100001u);
  });
  EXPECT_EQ(d, "");
}

TEST(NestingLimit, LongOrChainOfAndChainsIsFlat) {
  std::string source = "let x = a and b" + Repeat(" or a and b", 20000) + "\n";
  EXPECT_EQ(ParseOnSmallStack(source), "");
}

TEST(NestingLimit, LongArithmeticChainGivesE0012NotACrash) {
  std::string d = ParseOnSmallStack("let x = a" + Repeat(" + a", 100000) + "\n");
  // The caret is on the operator where the limit is crossed (the 64th '+'), and the message says
  // that each term of the chain is a level.
  EXPECT_EQ(d,
            "E0012 1:263 expression nested too deeply: a chain of 100001 '+' terms is more than 64 "
            "levels\n");
}

TEST(NestingLimit, ArithmeticChainAtTheLimitParses) {
  // The chain's root is at depth 1 (the let value); its first operand ends kLimit levels down.
  EXPECT_EQ(ParseOnSmallStack("let x = a" + Repeat(" + a", kLimit - 1) + "\n"), "");
  EXPECT_NE(ParseOnSmallStack("let x = a" + Repeat(" + a", kLimit) + "\n"), "");
}

TEST(NestingLimit, PrefixRunsCountTowardsTheLimit) {
  std::string d = ParseOnSmallStack("let x = " + Repeat("not ", 100000) + "a\n");
  EXPECT_EQ(d.substr(0, 5), "E0012");
  d = ParseOnSmallStack("let x = " + Repeat("- ", 100000) + "a\n");
  EXPECT_EQ(d.substr(0, 5), "E0012");
  EXPECT_EQ(ParseOnSmallStack("let x = " + Repeat("not a and ", 100000) + "a\n"), "");
}

// 64 prefix `not`s or `-`s pass like 64 parentheses; 65 of either are E0012 (before: 64 `not`s
// were refused by the lowering while 64 parentheses passed).
TEST(NestingLimit, PrefixRunsAndParenthesesShareTheLimit) {
  EXPECT_EQ(ParseOnSmallStack("segment A where " + Repeat("not ", kLimit) + "b\n"), "");
  EXPECT_EQ(ParseOnSmallStack("let x = " + Repeat("- ", kLimit) + "a\n"), "");
  EXPECT_EQ(ParseOnSmallStack(Parens(kLimit)), "");
  EXPECT_EQ(ParseOnSmallStack("segment A where " + Repeat("not ", kLimit + 1) + "b\n").substr(0, 5),
            "E0012");
  EXPECT_EQ(ParseOnSmallStack("let x = " + Repeat("- ", kLimit + 1) + "a\n").substr(0, 5), "E0012");
}

// The operand below the prefix run may be any expression, as inside parentheses (before: 64
// `not`s before a comparison were E0012, while 64 parentheses around it passed).
TEST(NestingLimit, PrefixRunsAcceptAnyOperand) {
  EXPECT_EQ(ParseOnSmallStack("segment A where " + Repeat("not ", kLimit) + "x > 0.5\n"), "");
  EXPECT_EQ(ParseOnSmallStack("let x = " + Repeat("- ", kLimit) + "a * b\n"), "");
  EXPECT_EQ(
      ParseOnSmallStack("segment A where " + Repeat("not ", kLimit + 1) + "x > 0.5\n").substr(0, 5),
      "E0012");
}

TEST(NestingLimit, LimitIsConfigurable) {
  ParseOptions options;
  options.max_depth = 3;
  EXPECT_EQ(ParseText("let x = (((a)))", options)->AllDiagnostics(), "");
  auto p = ParseText("let x = ((((a))))", options);
  EXPECT_EQ(p->Describe(0),
            "E0012 1:12 expression nested too deeply: more than 3 levels of "
            "parentheses and 'not'/'-'");
}

TEST(FileLimits, TenMegabyteFileGivesE0013) {
  std::string source =
      Repeat("segment A where x > 1  # padding padding padding padding\n", (10u << 20) / 57 + 1);
  auto p = ParseText(source);
  EXPECT_EQ(p->AllDiagnostics(), "E0013 1:1 rule file is 10.0 MiB; the limit is 8.0 MiB\n");
  EXPECT_TRUE(p->file->decls.empty());
}

// Just over the limit: both sizes would print as 8.0 MiB, so they are given in bytes.
TEST(FileLimits, FileJustOverTheLimitGivesBytes) {
  std::string source = "segment A where x > 1\n";
  source += std::string((8u << 20) - source.size() + 1, ' ');
  auto p = ParseText(source);
  EXPECT_EQ(p->AllDiagnostics(),
            "E0013 1:1 rule file is 8388609 bytes; the limit is 8388608 bytes (8.0 MiB)\n");
}

TEST(FileLimits, BinaryGarbageGivesE0008) {
  std::string garbage = "segment A where x\n";
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  auto p = ParseText(garbage);
  EXPECT_EQ(p->AllDiagnostics(),
            "E0008 2:1 file contains NUL bytes; it looks like a binary file\n");
}

TEST(FileLimits, InvalidUtf8GivesE0007AtTheFirstBadByte) {
  auto p = ParseText("let a = 1\nlet b = \"caf\xE9\"\n");
  EXPECT_EQ(p->AllDiagnostics(),
            "E0007 2:13 file is not valid UTF-8: byte 0xE9 does not start a UTF-8 character\n");
  EXPECT_EQ(ParseText("let b = \"\xED\xA0\x80\"")->Describe(0).substr(0, 10), "E0007 1:10");
  EXPECT_EQ(ParseText("let b = \"\xC0\xAF\"")->Describe(0).substr(0, 10), "E0007 1:10");
}

TEST(FileLimits, EmptyFileGivesE0014) {
  EXPECT_EQ(ParseText("")->AllDiagnostics(), "E0014 1:1 file is empty: it has no declarations\n");
  EXPECT_EQ(ParseText(" \n\t\n")->AllDiagnostics(),
            "E0014 1:1 file is empty: it has no declarations\n");
  EXPECT_EQ(ParseText("# just a comment\n# another\n")->AllDiagnostics(),
            "E0014 1:1 file has only comments, no declarations\n");
}

TEST(FileLimits, ControlCharactersAreUnexpected) {
  EXPECT_EQ(ParseText("let a = 1 \x01")->AllDiagnostics(),
            "E0001 1:11 unexpected character U+0001\n");
}

// Parses 10,000 segments without diagnostics; the time is recorded, not asserted (timing
// assertions flake on shared machines: performance lives in bench/).
TEST(Performance, TenThousandSegmentsParse) {
  std::string source = "table t key id { id: int }\n";
  for (int i = 0; i < 10000; ++i) {
    source += "segment S" + std::to_string(i) +
              " \"d\" where cltv > p90 and country in (\"FR\", \"DE\") and not (x < 5 or y "
              "between 1 and 10)\n  expect size between 1% and 15%\n";
  }
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();  // CPU time: wall time is noisy on shared machines
  auto p = ParseText(source);
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(p->file->decls.size(), 10001u);
  EXPECT_EQ(p->AllDiagnostics(), "");
  RecordProperty("parse_seconds", std::to_string(seconds));
  std::printf("10,000 segments (%zu bytes) parsed in %.3f s wall, %.3f s CPU\n", source.size(),
              seconds, cpu);
}

}  // namespace
}  // namespace segc::syntax::testing
