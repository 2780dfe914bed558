// Opening the screening snapshot a command works on: from list files
// (--lists, parsed and indexed), from a binary index snapshot (--index), or
// from the list versions in a store (--store, --as-of DATE: "was this
// counterparty listed when we paid them?"). A store-backed screen notes
// which versions it used in the audit log, and publishes the audit head
// (store/audit_head.h) without printing it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "embargo/screener.h"
#include "store/audit_head.h"

namespace CLI {
class App;
}  // namespace CLI

namespace embargo::cli {

struct ListSource {
  std::vector<std::string> lists;
  std::string index;
  std::string dataset;  // --dataset override for FtM / embargo-format files
  std::string store;    // --store: the list versions stored there (latest, or as of)
  std::string as_of;    // --as-of DATE: the versions in force that day (store only)
  uint64_t max_file_bytes = kDefaultMaxListFileBytes;  // --max-file-size
  store::AnchorOptions audit;  // --audit-key-file, --audit-head-file (store only)
};

Result<std::shared_ptr<const Screener>> OpenScreener(const ListSource& source);

// Called by main before a command runs: the screeners OpenScreener opens
// from then on are left to the process's exit rather than freed one
// allocation at a time when the command returns (a million-entity
// snapshot took 0.7 s of a one-name `embargo screen --index` to free).
// Commands run in-process (the tests) free theirs as usual.
void KeepScreenersUntilExit();

// The options LoadLists takes from --dataset and --max-file-size.
LoadOptions ListLoadOptions(const ListSource& source);

// Registers --lists, --index, --dataset, --store, --as-of, --max-file-size
// and the audit head options on a command.
void AddListOptions(CLI::App* cmd, ListSource& source);

}  // namespace embargo::cli
