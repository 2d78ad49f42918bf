// ChooseOptLevel: the lean level 1 for small tables, the vectorizing level 2 from
// kVectorizeRowsPerThread rows per thread, level 2 when the row count is not known, and never
// level 2 for programs above kVectorizeMaxNodes nodes.
#include <gtest/gtest.h>

#include "compiler/driver/pipeline.h"

namespace segc::driver {
namespace {

TEST(ChooseOptLevel, SmallTablesCompileLean) {
  EXPECT_EQ(ChooseOptLevel(0, 1, 100), 1);
  EXPECT_EQ(ChooseOptLevel(2000, 2, 100), 1);
  EXPECT_EQ(ChooseOptLevel(kVectorizeRowsPerThread - 1, 1, 100), 1);
}

TEST(ChooseOptLevel, LargeTablesVectorizeByRowsPerThread) {
  EXPECT_EQ(ChooseOptLevel(kVectorizeRowsPerThread, 1, 100), 2);
  EXPECT_EQ(ChooseOptLevel(10'000'000, 2, 100), 2);
  // The same table split over more threads gives each too little to pay for level 2.
  EXPECT_EQ(ChooseOptLevel(3 * kVectorizeRowsPerThread, 4, 100), 1);
  EXPECT_EQ(ChooseOptLevel(kVectorizeRowsPerThread, 0, 100), 2);  // threads < 1 count as one
}

TEST(ChooseOptLevel, UnknownRowCountVectorizes) {
  EXPECT_EQ(ChooseOptLevel(-1, 1, 100), 2);
  EXPECT_EQ(EngineOptions{}.rows, -1);
  EXPECT_EQ(EngineOptions{}.opt_level, kAutoOptLevel);
}

// A 10,000-segment chain is ~80,000 nodes: level 2 took 17.5 s to compile it, level 1 3.2 s.
TEST(ChooseOptLevel, HugeProgramsCompileLeanWhateverTheRows) {
  EXPECT_EQ(ChooseOptLevel(10'000'000, 1, kVectorizeMaxNodes), 2);
  EXPECT_EQ(ChooseOptLevel(10'000'000, 1, kVectorizeMaxNodes + 1), 1);
  EXPECT_EQ(ChooseOptLevel(-1, 1, 80'000), 1);
}

}  // namespace
}  // namespace segc::driver
