#include "store/audit_head.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "common/strings.h"

namespace embargo::store {
namespace {

bool IsHexHash(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Status AppendLine(const std::string& path, const std::string& line) {
  int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return MakeError(path, 0,
                     fmt::format("cannot open the audit head file: {}", std::strerror(errno)));
  }
  bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  bool synced = written && fsync(fd) == 0;
  int error = errno;
  close(fd);
  if (!synced) {
    return MakeError(path, 0,
                     fmt::format("cannot write the audit head file: {}", std::strerror(error)));
  }
  return Status::Ok();
}

Result<AuditHead> HeadFromJson(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("seq") || !j["seq"].is_number_integer() ||
      !j.contains("hash") || !j["hash"].is_string() || !IsHexHash(j["hash"].get<std::string>())) {
    return MakeError("expected {\"seq\": N, \"hash\": 64 hex digits, ...}");
  }
  AuditHead head;
  head.seq = j["seq"].get<int64_t>();
  head.hash = j["hash"].get<std::string>();
  auto text = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  head.hmac = text("hmac");
  head.key_id = text("key_id");
  head.at = text("at");
  return head;
}

}  // namespace

std::string HeadRef(const AuditHead& head) { return fmt::format("{}:{}", head.seq, head.hash); }

Result<AuditHead> ParseHeadRef(const std::string& text) {
  size_t colon = text.find(':');
  auto seq = ParseNumber<int64_t>(std::string_view(text).substr(0, colon));
  if (colon == std::string::npos || !seq || *seq < 1 || !IsHexHash(text.substr(colon + 1))) {
    return MakeError(fmt::format(
        "expected head '{}' as SEQ:HASH (a row number and its 64-digit hash, as printed by the "
        "command that wrote it)",
        text));
  }
  AuditHead head;
  head.seq = *seq;
  head.hash = text.substr(colon + 1);
  return head;
}

nlohmann::ordered_json HeadToJson(const AuditHead& head) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
  };
  return {{"seq", head.seq},
          {"hash", head.hash},
          {"hmac", or_null(head.hmac)},
          {"key_id", or_null(head.key_id)},
          {"at", head.at}};
}

namespace {

std::string ConfiguredHeadFile(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("EMBARGO_AUDIT_HEAD_FILE");
  return env != nullptr ? env : "";
}

}  // namespace

std::string HeadFilePath(const Database& db, const std::string& flag) {
  if (std::string path = ConfiguredHeadFile(flag); !path.empty()) return path;
  return db.dialect() == Dialect::kSqlite ? db.description() + ".audit-head" : "";
}

bool HeadFileConfigured(const std::string& flag) { return !ConfiguredHeadFile(flag).empty(); }

Result<HeadPublisher> HeadPublisher::Open(Database& db, const AnchorOptions& options) {
  HeadPublisher publisher;
  if (std::string path = AuditKeyPath(options.key_file); !path.empty()) {
    auto key = AuditKey::Load(path);
    if (!key.ok()) return key.error();
    publisher.key_ = std::move(*key);
  }
  publisher.head_file_ = HeadFilePath(db, options.head_file);
  auto seq = db.QueryValue("SELECT max(seq) FROM audit_log");
  if (!seq.ok()) return seq.error();
  publisher.opened_seq_ = ParseNumber<int64_t>(seq->value_or("0")).value_or(0);
  return publisher;
}

Result<std::optional<AuditHead>> HeadPublisher::Publish(Database& db, Republish again) const {
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto rows = db.Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<AuditHead>();
  AuditHead head;
  head.seq = rows->front().Int(0);
  head.hash = rows->front().Text(1);
  head.at = NowUtc();
  if (again == Republish::kNo && head.seq == opened_seq_) return std::optional<AuditHead>();
  if (key_) {
    head.hmac = key_->HeadMac(head.seq, head.hash);
    head.key_id = key_->id();
    EMBARGO_RETURN_IF_ERROR(
        db.Exec("INSERT INTO audit_anchors (seq, hash, hmac, key_id, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (seq) DO NOTHING",
                {head.seq, head.hash, head.hmac, head.key_id, head.at}));
  }
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  if (!head_file_.empty()) {
    EMBARGO_RETURN_IF_ERROR(AppendLine(head_file_, HeadToJson(head).dump() + "\n"));
  }
  return std::optional<AuditHead>(std::move(head));
}

std::string HeadPublisher::Describe(const AuditHead& head) const {
  std::string keyed =
      key_ ? fmt::format("HMAC with key {}", key_->id()) : std::string("not keyed: no audit key");
  std::string file = head_file_.empty() ? std::string("no head file: give --audit-head-file")
                                        : fmt::format("appended to {}", head_file_);
  return fmt::format("audit head {} ({}; {})", HeadRef(head), keyed, file);
}

Result<std::vector<HeadFileLine>> ReadHeadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(path, 0, "cannot read the audit head file");
  std::vector<HeadFileLine> out;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (Trim(text).empty()) continue;
    auto head = HeadFromJson(nlohmann::json::parse(text, nullptr, false));
    if (!head.ok()) return MakeError(path, line, "not an audit head: " + head.error().message);
    out.push_back({line, std::move(*head)});
  }
  return out;
}

Result<std::vector<AuditHead>> LoadAnchors(Database& db) {
  auto rows = db.Query("SELECT seq, hash, hmac, key_id, at FROM audit_anchors ORDER BY seq");
  if (!rows.ok()) return rows.error();
  std::vector<AuditHead> out;
  for (const SqlRow& r : *rows)
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
  return out;
}

}  // namespace embargo::store
