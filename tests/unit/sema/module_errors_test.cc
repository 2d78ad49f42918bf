// Project structure and module errors: tables, imports, bindings, module cycles.
#include <gtest/gtest.h>

#include "tests/unit/sema/sema_test_util.h"

namespace segc::sema::testing {
namespace {

diag::Diagnostic Only(const Checked& checked) {
  EXPECT_EQ(checked.sink.diagnostics().size(), 1u) << checked.Dump();
  return checked.sink.diagnostics().at(0);
}

std::string Id(const diag::Diagnostic& d) { return std::string(diag::Info(d.code).id); }

class Modules : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Add("m",
             "input x: int\nparam limit = 10\nsegment Big where x > limit\nlet Double = x * 2\n");
    dir_.Add("flags", "input flag: bool\nsegment F where flag\n");
    dir_.Add("a", "import b(y = z)\ninput z: int\nsegment A where z > 1\n");
    dir_.Add("b", "import a(z = y)\ninput y: int\nsegment B where y > 1\n");
    dir_.Add("tbl", "input x: int\ntable t key id { id: int }\nsegment T where x > 1\n");
  }
  std::unique_ptr<Checked> Check(const std::string& rules) {
    return CheckRules(rules, dir_.Options());
  }
  ModuleDir dir_;
};

TEST(Structure, NoTable) {
  auto checked = CheckFiles({{"rules.seg", "segment A where x > 1"}});
  // Unknown names are not reported on top: the missing table is the root cause.
  EXPECT_EQ(checked->Codes(), std::vector<std::string>{"E0113"}) << checked->Dump();
  EXPECT_EQ(checked->sink.diagnostics()[0].message, "the project has no table declaration");
}

TEST(Structure, SecondTablePointsAtTheFirst) {
  auto checked = CheckFiles({{"schema.seg", kSchema}, {"more.seg", "table t key id { id: int }"}});
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0114");
  EXPECT_EQ(d.message, "table 't' is a second table; v1 projects have exactly one ('customers')");
  ASSERT_EQ(d.secondary.size(), 1u);
  EXPECT_EQ(d.secondary[0].message, "first table declared here");
  EXPECT_EQ(d.secondary[0].range.file, 0u);
}

TEST(Structure, SameTableDeclaredTwiceSaysSo) {
  auto checked = CheckFiles({{"schema.seg", kSchema}, {"rules.seg", kSchema}});
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0114");
  EXPECT_EQ(d.message, "table 'customers' is declared a second time");
  EXPECT_EQ(d.help, "keep a single `table` declaration for the project");
}

TEST(Structure, DuplicateColumn) {
  auto checked = CheckFiles({{"schema.seg", "table t key id { id: int\n a: int\n a: float }"}});
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0115");
  EXPECT_EQ(d.message, "column 'a' is declared twice in table 't'");
}

TEST(Structure, KeyNotDeclared) {
  auto checked = CheckFiles({{"schema.seg", "table t key idd { id: int\n a: int }"}});
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0116");
  EXPECT_EQ(d.message, "key column 'idd' is not a column of table 't'");
  EXPECT_EQ(d.help, "did you mean 'id'?");
}

TEST(Structure, DuplicateAcrossFilesPointsAtOtherFile) {
  auto checked = CheckFiles({{"schema.seg", kSchema},
                             {"a.seg", "segment VIP where cltv > 5"},
                             {"b.seg", "segment VIP where cltv > 9"}});
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0104");
  EXPECT_EQ(d.range.file, 2u);
  ASSERT_EQ(d.secondary.size(), 1u);
  EXPECT_EQ(d.secondary[0].message, "first defined here");
  EXPECT_EQ(d.secondary[0].range.file, 1u);
}

TEST_F(Modules, UnknownModuleSuggestsKnownName) {
  const diag::Diagnostic d = Only(*Check("import mm(x = age)"));
  EXPECT_EQ(Id(d), "E0106");
  EXPECT_EQ(d.message, "unknown module 'mm'");
  EXPECT_EQ(d.help, "did you mean 'm'?");
}

TEST_F(Modules, MissingInputsAreListed) {
  const diag::Diagnostic d = Only(*Check("import m"));
  EXPECT_EQ(Id(d), "E0107");
  EXPECT_EQ(d.message, "module 'm' needs input 'x', which is not bound");
  EXPECT_EQ(d.help, "bind each input to an expression of your table: `import m(x = ...)`");
}

TEST_F(Modules, UnknownBinding) {
  auto checked = Check("import m(x = age, limt = 3)");
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0108");
  EXPECT_EQ(d.message, "module 'm' has no input or param 'limt'");
  EXPECT_EQ(d.help, "did you mean 'limit'?");
}

TEST_F(Modules, SameModuleTwiceNeedsAs) {
  const diag::Diagnostic d = Only(*Check("import m(x = age)\nimport m(x = orders)"));
  EXPECT_EQ(Id(d), "E0109");
  EXPECT_EQ(d.message, "module 'm' is imported twice under one name 'm'");
  EXPECT_EQ(d.help, "give one of them another name: `import m(...) as m2`");
}

TEST_F(Modules, SameModuleTwiceWithAlias) {
  auto checked = Check(
      "import m(x = age)\nimport m(x = orders) as m2\n"
      "segment A where m.Big and m2.Big");
  EXPECT_TRUE(checked->Codes().empty()) << checked->Dump();
  EXPECT_EQ(checked->project->instances.size(), 3u);
  EXPECT_EQ(checked->project->units.size(), 2u) << "a module is checked once";
}

TEST_F(Modules, ModuleCycle) {
  auto checked = Check("import a(z = age)");
  std::vector<std::string> codes = checked->Codes();
  ASSERT_EQ(codes, std::vector<std::string>{"E0110"}) << checked->Dump();
  EXPECT_EQ(checked->sink.diagnostics()[0].message, "module import cycle: 'a' → 'b' → 'a'");
}

TEST_F(Modules, UnknownMember) {
  const diag::Diagnostic d = Only(*Check("import m(x = age)\nsegment A where m.Bg"));
  EXPECT_EQ(Id(d), "E0117");
  EXPECT_EQ(d.message, "module 'm' has no declaration 'Bg'");
  EXPECT_EQ(d.help, "did you mean 'Big'?");
}

TEST_F(Modules, TableInModule) {
  const diag::Diagnostic d = Only(*Check("import tbl(x = age)"));
  EXPECT_EQ(Id(d), "E0122");
  EXPECT_EQ(d.message, "table 't' declared inside library module 'tbl'");
}

TEST_F(Modules, InputTypeMismatch) {
  const diag::Diagnostic d = Only(*Check("import m(x = country)"));
  EXPECT_EQ(Id(d), "E0215");
  EXPECT_EQ(d.message, "input 'x' of module 'm' is an int, but 'country' is a string");
  EXPECT_EQ(d.help, "bind it to an int of your table");
}

TEST_F(Modules, ParamBindingMustBeLiteral) {
  const diag::Diagnostic d = Only(*Check("import m(x = age, limit = orders)"));
  EXPECT_EQ(Id(d), "E0210");
  EXPECT_EQ(d.message, "the value bound to param 'limit' must be a literal, but 'orders' is not");
}

TEST_F(Modules, ParamBindingType) {
  const diag::Diagnostic d = Only(*Check("import m(x = age, limit = \"ten\")"));
  EXPECT_EQ(Id(d), "E0215");
  EXPECT_EQ(d.message, "param 'limit' of module 'm' is an int, but '\"ten\"' is a string");
}

TEST_F(Modules, ModuleIsNotAValue) {
  const diag::Diagnostic d = Only(*Check("import m(x = age)\nsegment A where m"));
  EXPECT_EQ(Id(d), "E0216");
  EXPECT_EQ(d.message, "'m' is a module, not a value");
}

TEST_F(Modules, CycleThroughBinding) {
  auto checked = Check("import flags(flag = S)\nsegment S where flags.F");
  const diag::Diagnostic d = Only(*checked);
  EXPECT_EQ(Id(d), "E0105");
  EXPECT_EQ(d.message, "reference cycle: 'S' → 'flags.F' → 'S'");
}

}  // namespace
}  // namespace segc::sema::testing
