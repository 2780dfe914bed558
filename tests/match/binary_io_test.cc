#include "match/binary_io.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace embargo::match {
namespace {

// Writes the same fields to `w`: small ones, padding, and a 3 MB array
// (more than a block) between them.
void WriteFields(BinaryWriter& w, const std::vector<uint32_t>& big) {
  w.U32(7);
  w.Str("Foreign Trade Bank");
  w.Align(8);
  w.Array(std::span<const uint32_t>(big));
  w.I32(-1);
  for (uint32_t i = 0; i < 300'000; ++i) w.U64(i);  // 2.4 MB in small writes
  w.Align(64);
  w.Strs({"a", "", "KOMID"});
}

// With a sink, the bytes handed on, in order, are the bytes a writer
// without one holds; Align counts the bytes already handed on.
TEST(BinaryWriterTest, ASinkTakesTheSameBytesInOrderAsTheyAreWritten) {
  std::vector<uint32_t> big(750'000);
  for (uint32_t i = 0; i < big.size(); ++i) big[i] = i * 2654435761u;
  BinaryWriter whole(28);
  WriteFields(whole, big);

  std::string handed;
  size_t calls = 0;
  BinaryWriter streamed(28, [&](std::string_view bytes) {
    handed.append(bytes);
    ++calls;
    return true;
  });
  WriteFields(streamed, big);
  EXPECT_LT(streamed.data().size(), size_t{1} << 20);  // never more than a block held
  streamed.Flush();
  EXPECT_TRUE(streamed.data().empty());
  EXPECT_EQ(streamed.size(), whole.data().size());
  EXPECT_EQ(handed, whole.data());
  EXPECT_GE(calls, 4u);
  EXPECT_TRUE(streamed.ok());
}

// A sink that refuses bytes (a full disk) is not asked again, and the
// writer says so; sizes still count every byte written.
TEST(BinaryWriterTest, ASinkThatRefusesBytesIsNotAskedAgain) {
  size_t calls = 0;
  BinaryWriter w(0, [&](std::string_view) {
    ++calls;
    return false;
  });
  std::vector<uint32_t> big(300'000, 1);
  w.Array(std::span<const uint32_t>(big));
  w.Array(std::span<const uint32_t>(big));
  w.U32(1);
  w.Flush();
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(w.size(), 2 * big.size() * sizeof(uint32_t) + sizeof(uint32_t));
}

}  // namespace
}  // namespace embargo::match
