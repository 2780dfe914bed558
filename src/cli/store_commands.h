// Commands on the store (src/store): list versions (import, update,
// versions, diff between stored versions), monitoring (customers import,
// rescreen, alerts) and the audit log. Every command takes --store (a SQLite
// path or a postgresql:// URL; default $EMBARGO_STORE or ./embargo.db).
// Commands that write publish the audit chain's head when they are done
// (store/audit_head.h: --audit-key-file, --audit-head-file) and print it.
// Each returns the exit code: 0 ok, 1 failure (message on `err`), 2 usage;
// `audit verify` returns 3 when it finds the trail broken or tampered with.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "embargo/screener.h"
#include "sources/list_guard.h"
#include "store/audit_head.h"
#include "store/database.h"
#include "store/four_eyes.h"
#include "store/store.h"
#include "store/versions.h"

namespace embargo::cli {

// Opens (and migrates) the store named by --store, $EMBARGO_STORE or
// ./embargo.db; on failure prints "<command>: <error>" to `err` and returns
// null.
// A store that does not exist is an error unless `opening` is kCreate (the
// commands that fill a store: import, update, customers import, payments
// screen).
std::unique_ptr<store::Database> OpenStoreFor(
    const std::string& flag, const char* command, std::ostream& err,
    store::StoreOpening opening = store::StoreOpening::kExisting);

// The store of a command that writes, with the publisher of its audit head
// (the key loaded, so a bad key file fails before anything is written).
struct WritableStore {
  std::unique_ptr<store::Database> db;
  std::optional<store::HeadPublisher> publisher;
};
// Opens both; on failure prints "<command>: <error>" and returns nullopt.
std::optional<WritableStore> OpenWritableStore(
    const std::string& flag, const store::AnchorOptions& audit, const char* command,
    std::ostream& err, store::StoreOpening opening = store::StoreOpening::kExisting);
// After the command wrote: publishes the audit head (when rows were
// appended) and prints it on `out`. False, with the error on `err`, when it
// could not.
bool PublishAuditHead(WritableStore& store, const char* command, std::ostream& out,
                      std::ostream& err);

// "us_ofac_sdn version 3: 17012 entities, in force from ..." per dataset.
void PrintStored(const std::vector<store::StoredVersion>& stored, std::ostream& out);

struct ImportArgs {
  std::string store;
  store::AnchorOptions audit;
  std::vector<std::string> paths;
  std::string dataset;  // for FtM / embargo-format files that name none
  uint64_t max_file_bytes = kDefaultMaxListFileBytes;
  ShrinkGuard shrink;  // --max-shrink, --accept-shrink
};
int RunImport(const ImportArgs& args, std::ostream& out, std::ostream& err);

int RunVersions(const std::string& store, const std::string& dataset, std::ostream& out,
                std::ostream& err);

struct StoreDiffArgs {
  std::string store;
  std::string dataset;
  std::string from = "previous";
  std::string to = "latest";
  std::string format = "text";
};
int RunStoreDiff(const StoreDiffArgs& args, std::ostream& out, std::ostream& err);

struct UpdateArgs {
  std::string store;
  store::AnchorOptions audit;
  std::vector<std::string> sources;  // empty = all configured
  std::string config;                // TOML; empty = built-in official URLs
  std::string download_dir;          // where files are kept; empty = a temp dir
  ShrinkGuard shrink;                // --max-shrink, --accept-shrink
};
int RunUpdate(const UpdateArgs& args, std::ostream& out, std::ostream& err);

struct CustomersImportArgs {
  std::string store;
  store::AnchorOptions audit;
  std::string path;  // CSV or .xlsx; "-" = stdin
  std::vector<std::string> mappings;
  std::string encoding;
  DateOrder date_order = DateOrder::kUnknown;  // stored with each record
  std::string sheet;                           // .xlsx: "" = the first sheet
  std::string report;                          // refused rows and warnings; "" = stdout
};
// Stores every row that has an id and a usable name (a field that cannot
// be read is kept as given, and ignored when screening) and reports every
// refused row and every warning with its file:line. Returns 3 when any row
// was refused (the others are stored), 1 when nothing could be stored.
int RunCustomersImport(const CustomersImportArgs& args, std::ostream& out, std::ostream& err);

struct RescreenArgs {
  std::string store;
  store::AnchorOptions audit;
  bool full = false;
  double threshold = 0.80;
  int threads = 0;
  size_t chunk = 5000;  // customers per committed transaction
};
int RunRescreen(const RescreenArgs& args, std::ostream& out, std::ostream& err);

struct AlertsArgs {
  std::string store;
  store::AnchorOptions audit;
  std::string status;
  bool all = false;
  std::string customer;
  long long limit = 50;
  std::string format = "text";
  long long id = 0;
  std::string decision;
  std::string note;
  // Who decides, reviews or assigns: "" = the OS user (the CLI offers no
  // other; tests act as several users through it).
  std::string analyst;
  bool pending = false;      // list: only alerts waiting for a reviewer
  std::string assignee;      // list: "" any, a user, "me" (the OS user) or "none"
  int older_than_days = -1;  // list: < 0 any age
  std::string assign_to;     // assign: the user ("me": the OS user)
  bool unassign = false;
  store::FourEyesPolicy four_eyes;
  bool approve = false, reject = false;  // review
  std::string out;                       // export: .xlsx, else CSV ("-": stdout)
};
int RunAlertsList(const AlertsArgs& args, std::ostream& out, std::ostream& err);
int RunAlertsShow(const AlertsArgs& args, std::ostream& out, std::ostream& err);
int RunAlertsDecide(const AlertsArgs& args, std::ostream& out, std::ostream& err);
int RunAlertsReview(const AlertsArgs& args, std::ostream& out, std::ostream& err);
// Assigns (--to) or unassigns (--unassign) a live alert.
int RunAlertsAssign(const AlertsArgs& args, std::ostream& out, std::ostream& err);
// Alerts and decisions for auditors (store/alert_export.h), as CSV or .xlsx.
int RunAlertsExport(const AlertsArgs& args, std::ostream& out, std::ostream& err);

struct AuditArgs {
  std::string store;
  store::AnchorOptions audit;
  std::vector<std::string> expect_heads;  // SEQ:HASH
  std::string key_out;                    // init-key: the file to create
};
// Chain, table state and head (store/audit_verify.h): 0 when all hold, 3
// with each problem when not.
int RunAuditVerify(const AuditArgs& args, std::ostream& out, std::ostream& err);
// Makes a new audit key file (0600).
int RunAuditInitKey(const AuditArgs& args, std::ostream& out, std::ostream& err);
// Verifies, then anchors and publishes the current head (3 and nothing
// anchored when the verification fails).
int RunAuditAnchor(const AuditArgs& args, std::ostream& out, std::ostream& err);
int RunAuditExport(const std::string& store, const std::string& out_path, std::ostream& out,
                   std::ostream& err);

}  // namespace embargo::cli
