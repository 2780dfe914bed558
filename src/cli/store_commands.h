// Commands on the store (src/store): list versions (import, update,
// versions, diff between stored versions), monitoring (customers import,
// rescreen, alerts) and the audit log. Every command takes --store (a SQLite
// path or a postgresql:// URL; default $EMBARGO_STORE or ./embargo.db).
// Each returns the exit code: 0 ok, 1 failure (message on `err`), 2 usage;
// `audit verify` returns 3 when the chain is broken.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "embargo/screener.h"
#include "sources/list_guard.h"
#include "store/database.h"
#include "store/versions.h"

namespace embargo::cli {

// Opens (and migrates) the store named by --store, $EMBARGO_STORE or
// ./embargo.db; on failure prints "<command>: <error>" to `err` and returns
// null.
std::unique_ptr<store::Database> OpenStoreFor(const std::string& flag, const char* command,
                                              std::ostream& err);

// "us_ofac_sdn version 3: 17012 entities, in force from ..." per dataset.
void PrintStored(const std::vector<store::StoredVersion>& stored, std::ostream& out);

struct ImportArgs {
  std::string store;
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
  std::vector<std::string> sources;  // empty = all configured
  std::string config;                // TOML; empty = built-in official URLs
  std::string download_dir;          // where files are kept; empty = a temp dir
  ShrinkGuard shrink;                // --max-shrink, --accept-shrink
};
int RunUpdate(const UpdateArgs& args, std::ostream& out, std::ostream& err);

struct CustomersImportArgs {
  std::string store;
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
  bool full = false;
  double threshold = 0.80;
  int threads = 0;
  size_t chunk = 5000;  // customers per committed transaction
};
int RunRescreen(const RescreenArgs& args, std::ostream& out, std::ostream& err);

struct AlertsArgs {
  std::string store;
  std::string status;
  bool all = false;
  std::string customer;
  long long limit = 50;
  std::string format = "text";
  long long id = 0;
  std::string decision;
  std::string note;
  std::string analyst;
};
int RunAlertsList(const AlertsArgs& args, std::ostream& out, std::ostream& err);
int RunAlertsShow(const AlertsArgs& args, std::ostream& out, std::ostream& err);
int RunAlertsDecide(const AlertsArgs& args, std::ostream& out, std::ostream& err);

int RunAuditVerify(const std::string& store, std::ostream& out, std::ostream& err);
int RunAuditExport(const std::string& store, const std::string& out_path, std::ostream& out,
                   std::ostream& err);

}  // namespace embargo::cli
