#include "common/file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

#include "embargo/lists.h"
#include "scratch_dir.h"

namespace embargo {
namespace {

class FileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    return dir_.Write(name, bytes);
  }
  std::string MakeFifo(const std::string& name) {
    std::string path = (dir_.path() / name).string();
    EXPECT_EQ(::mkfifo(path.c_str(), 0600), 0);
    return path;
  }

  testing::ScratchDir dir_;
};

std::string ErrorOf(const Result<std::string>& read) {
  return read.ok() ? "ok" : read.error().ToString();
}

// Runs `read` with a deadline: a reader blocked on a FIFO is released by
// opening the FIFO for writing, so the test fails instead of hanging.
template <typename Read>
auto WithDeadline(const std::string& fifo, Read read) {
  auto future = std::async(std::launch::async, read);
  if (future.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    ADD_FAILURE() << "reading " << fifo << " blocked";
    int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
  }
  return future.get();
}

TEST_F(FileTest, ReadsARegularFile) {
  std::string path = Write("list.csv", "id,name\n1,Kim\n");
  Result<std::string> read = ReadFileBytes(path);
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(*read, "id,name\n1,Kim\n");
}

TEST_F(FileTest, AFifoIsRefusedWithoutWaitingForAWriter) {
  std::string fifo = MakeFifo("list.csv");
  EXPECT_EQ(ErrorOf(WithDeadline(fifo, [&] { return ReadFileBytes(fifo); })),
            fifo + ": not a regular file (a FIFO, socket or device); name a file");
}

TEST_F(FileTest, ADeviceIsRefusedNotReadForever) {
  EXPECT_EQ(ErrorOf(ReadFileBytes("/dev/zero")),
            "/dev/zero: not a regular file (a FIFO, socket or device); name a file");
}

TEST_F(FileTest, AFileOverTheLimitIsRefusedBeforeItIsRead) {
  std::string path = Write("big.csv", std::string(3000, 'x'));
  EXPECT_EQ(ErrorOf(ReadFileBytes(path, 2048)),
            path + ": 2.9 KiB, more than the 2.0 KiB limit for one file");
  EXPECT_TRUE(ReadFileBytes(path, 3000).ok());
}

TEST_F(FileTest, DirectoriesAndMissingFilesAreErrors) {
  const std::filesystem::path& dir = dir_.path();
  EXPECT_EQ(ErrorOf(ReadFileBytes(dir)), dir.string() + ": is a directory, expected a file");
  EXPECT_EQ(ErrorOf(ReadFileBytes(dir / "missing.csv")),
            (dir / "missing.csv").string() + ": cannot open file");
}

TEST_F(FileTest, MapsARegularFileAndRefusesWhatReadFileBytesRefuses) {
  std::string path = Write("index.bin", std::string("EMBARGO\0snapshot", 16));
  Result<MappedFile> mapped = MappedFile::Open(path);
  ASSERT_TRUE(mapped.ok()) << mapped.error().ToString();
  EXPECT_EQ(mapped->bytes(), std::string_view("EMBARGO\0snapshot", 16));
  MappedFile moved = std::move(*mapped);  // the mapping moves with it
  EXPECT_EQ(moved.bytes().substr(8), "snapshot");
  EXPECT_TRUE(mapped->bytes().empty());

  Result<MappedFile> empty = MappedFile::Open(Write("empty.bin", ""));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->bytes().empty());

  auto error_of = [](const Result<MappedFile>& m) { return m.ok() ? "ok" : m.error().ToString(); };
  EXPECT_EQ(error_of(MappedFile::Open(path, 10)),
            path + ": 16 bytes, more than the 10 bytes limit for one file");
  EXPECT_EQ(error_of(MappedFile::Open("/dev/zero")),
            "/dev/zero: not a regular file (a FIFO, socket or device); name a file");
  std::string fifo = MakeFifo("feed");
  EXPECT_EQ(error_of(WithDeadline(fifo, [&] { return MappedFile::Open(fifo); })),
            fifo + ": not a regular file (a FIFO, socket or device); name a file");
  EXPECT_EQ(error_of(MappedFile::Open(dir_.path())),
            dir_.path().string() + ": is a directory, expected a file");
}

TEST_F(FileTest, CheckRegularFileNeverOpensTheFile) {
  std::string fifo = MakeFifo("feed");
  Status status = WithDeadline(fifo, [&] { return CheckRegularFile(fifo); });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            fifo + ": not a regular file (a FIFO, socket or device); name a file");
  EXPECT_TRUE(CheckRegularFile(Write("list.csv", "x")).ok());
}

// The loader goes through ReadFileBytes: a FIFO named as a list used to
// hang `embargo lists`, /dev/zero to read until the kernel killed it.
TEST_F(FileTest, LoadListsRefusesFifosDevicesAndOversizedFiles) {
  std::string fifo = MakeFifo("sdn.csv");
  Result<ListSet> from_fifo = WithDeadline(fifo, [&] { return LoadLists({fifo}); });
  ASSERT_FALSE(from_fifo.ok());
  EXPECT_EQ(from_fifo.error().ToString(),
            fifo + ": not a regular file (a FIFO, socket or device); name a file");
  Result<ListSet> from_zero = LoadLists({"/dev/zero"});
  ASSERT_FALSE(from_zero.ok());
  EXPECT_EQ(from_zero.error().ToString(),
            "/dev/zero: not a regular file (a FIFO, socket or device); name a file");
  std::string list = Write("list.csv", "id,name\n1,Kim Jong Un\n");
  LoadOptions options;
  options.max_file_bytes = 16;
  Result<ListSet> too_big = LoadLists({list}, options);
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().ToString(),
            list + ": 22 bytes, more than the 16 bytes limit for one file");
}

TEST(ByteSizeTextTest, UsesBinaryUnits) {
  EXPECT_EQ(ByteSizeText(12), "12 bytes");
  EXPECT_EQ(ByteSizeText(1536), "1.5 KiB");
  EXPECT_EQ(ByteSizeText(uint64_t{512} << 20), "512.0 MiB");
  EXPECT_EQ(ByteSizeText(uint64_t{3} << 30), "3.0 GiB");
}

}  // namespace
}  // namespace embargo
