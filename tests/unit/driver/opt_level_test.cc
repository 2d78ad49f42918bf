// ChooseOptLevel: the lean level 1 for small tables, the vectorizing level 2 from
// kVectorizeRowsPerThread rows per thread, and level 2 when the row count is not known.
#include <gtest/gtest.h>

#include "compiler/driver/pipeline.h"

namespace segc::driver {
namespace {

TEST(ChooseOptLevel, SmallTablesCompileLean) {
  EXPECT_EQ(ChooseOptLevel(0, 1), 1);
  EXPECT_EQ(ChooseOptLevel(2000, 2), 1);
  EXPECT_EQ(ChooseOptLevel(kVectorizeRowsPerThread - 1, 1), 1);
}

TEST(ChooseOptLevel, LargeTablesVectorizeByRowsPerThread) {
  EXPECT_EQ(ChooseOptLevel(kVectorizeRowsPerThread, 1), 2);
  EXPECT_EQ(ChooseOptLevel(10'000'000, 2), 2);
  // The same table split over more threads gives each too little to pay for level 2.
  EXPECT_EQ(ChooseOptLevel(3 * kVectorizeRowsPerThread, 4), 1);
  EXPECT_EQ(ChooseOptLevel(kVectorizeRowsPerThread, 0), 2);  // threads < 1 count as one
}

TEST(ChooseOptLevel, UnknownRowCountVectorizes) {
  EXPECT_EQ(ChooseOptLevel(-1, 1), 2);
  EXPECT_EQ(EngineOptions{}.rows, -1);
  EXPECT_EQ(EngineOptions{}.opt_level, kAutoOptLevel);
}

}  // namespace
}  // namespace segc::driver
