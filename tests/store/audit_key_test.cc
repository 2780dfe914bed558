#include "store/audit_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/sha256.h"
#include "store/audit_head.h"

namespace embargo::store {
namespace {

namespace fs = std::filesystem;

class AuditKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("embargo-audit-key-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& text, fs::perms perms) {
    std::ofstream(Path(name)) << text;
    fs::permissions(Path(name), perms);
  }
  fs::path dir_;
};

TEST_F(AuditKeyTest, InitKeyWritesARandomKeyOnlyItsOwnerMayRead) {
  auto key = AuditKey::Create(Path("audit.key"));
  ASSERT_TRUE(key.ok()) << key.error().ToString();
  struct stat info {};
  ASSERT_EQ(stat(Path("audit.key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  std::ifstream in(Path("audit.key"));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.size(), 64u);
  EXPECT_EQ(line.find_first_not_of("0123456789abcdef"), std::string::npos) << line;

  auto loaded = AuditKey::Load(Path("audit.key"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded->id(), key->id());
  EXPECT_EQ(loaded->HeadMac(7, std::string(64, 'a')), key->HeadMac(7, std::string(64, 'a')));
  auto other = AuditKey::Create(Path("other.key"));
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->id(), key->id());
  EXPECT_NE(other->HeadMac(7, std::string(64, 'a')), key->HeadMac(7, std::string(64, 'a')));
}

TEST_F(AuditKeyTest, InitKeyNeverOverwritesAKey) {
  ASSERT_TRUE(AuditKey::Create(Path("audit.key")).ok());
  auto again = AuditKey::Create(Path("audit.key"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().ToString(),
            Path("audit.key") +
                ": already exists: not overwritten (anchors made with that key would no longer "
                "verify)");
}

// RFC 4231 test case 2: the MAC is HMAC-SHA256 of the head text under the key.
TEST_F(AuditKeyTest, TheHeadMacIsHmacSha256OfSeqAndHash) {
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const std::string secret(32, '\x11');
  Write("k", HexLower(secret) + "\n", fs::perms::owner_read | fs::perms::owner_write);
  auto key = AuditKey::Load(Path("k"));
  ASSERT_TRUE(key.ok()) << key.error().ToString();
  const std::string hash(64, 'b');
  EXPECT_EQ(key->HeadMac(57, hash), HmacSha256Hex(secret, "embargo audit head\n57\n" + hash));
  EXPECT_NE(key->HeadMac(56, hash), key->HeadMac(57, hash));
  EXPECT_EQ(key->id(), Sha256Hex(secret).substr(0, 16));
}

TEST_F(AuditKeyTest, AKeyOthersMayReadIsRefused) {
  Write("open.key", std::string(64, 'a') + "\n",
        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
            fs::perms::others_read);
  auto key = AuditKey::Load(Path("open.key"));
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().ToString(),
            Path("open.key") + ": the audit key is open to other users (mode 0644): chmod 600 " +
                Path("open.key"));
}

TEST_F(AuditKeyTest, AKeyFileThatIsNotAKeyIsRefused) {
  Write("short.key", "abc123\n", fs::perms::owner_read | fs::perms::owner_write);
  auto key = AuditKey::Load(Path("short.key"));
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().ToString(),
            Path("short.key") +
                ":1: expected 64 hexadecimal characters (a key made by 'embargo audit init-key')");
  auto missing = AuditKey::Load(Path("missing.key"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(),
            Path("missing.key") + ": cannot read the audit key: No such file or directory");
  auto folder = AuditKey::Load(dir_.string());
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().ToString(), dir_.string() + ": the audit key is not a regular file");
}

TEST_F(AuditKeyTest, ExpectedHeadsAreSeqColonHash) {
  const std::string hash(64, 'c');
  auto head = ParseHeadRef("12:" + hash);
  ASSERT_TRUE(head.ok()) << head.error().ToString();
  EXPECT_EQ(head->seq, 12);
  EXPECT_EQ(head->hash, hash);
  EXPECT_EQ(HeadRef(*head), "12:" + hash);
  for (const std::string& bad :
       {std::string("12"), "x:" + hash, "0:" + hash, std::string("12:abc")}) {
    auto parsed = ParseHeadRef(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().ToString(),
              "expected head '" + bad +
                  "' as SEQ:HASH (a row number and its 64-digit hash, as printed by the command "
                  "that wrote it)");
  }
}

}  // namespace
}  // namespace embargo::store
