#include "cli/payments_command.h"

#include <fmt/format.h>

#include <optional>
#include <ostream>

#include "cli/output_file.h"
#include "cli/store_commands.h"
#include "common/json_writer.h"
#include "common/parallel.h"
#include "payments/payment_screener.h"
#include "payments/read_payments.h"
#include "payments/screening_json.h"
#include "store/audit.h"
#include "store/payment_cases.h"
#include "store/screening_record_of.h"
#include "store/versions.h"

namespace embargo::cli {
namespace {

constexpr const char* kCommand = "embargo payments";

// The lists a screen uses and, with --store, the store its held messages
// become cases in, with the good-guy entries in force.
struct PaymentLists {
  std::shared_ptr<const Screener> screener;
  std::optional<WritableStore> store;
  store::EntityHashes hashes;
  nlohmann::json versions = nlohmann::json::object();  // recorded with each case
  std::shared_ptr<const store::GoodGuyList> good_guys;
};

// With --store: the store's versions in force, or the files given beside it.
Result<std::shared_ptr<const Screener>> OpenStoreScreener(const PaymentsArgs& args,
                                                          PaymentLists& lists) {
  store::Database& db = *lists.store->db;
  if (!args.source.lists.empty() || !args.source.index.empty()) {
    if (!args.source.as_of.empty()) {
      return MakeError(
          "--as-of screens against the store's lists: give it without --lists/--index");
    }
    ListSource files = args.source;
    files.store.clear();
    auto screener = OpenScreener(files);
    if (!screener.ok()) return screener;
    for (const Dataset& d : (*screener)->lists().datasets) {
      lists.versions[d.name] = {{"file", d.path}, {"published", d.version_date}};
    }
    return screener;
  }
  auto versions = store::VersionsInForce(db, args.source.as_of);
  if (!versions.ok()) return versions.error();
  if (versions->empty()) {
    return MakeError(
        args.source.as_of.empty()
            ? std::string("the store holds no lists: run embargo import or update")
            : fmt::format("no stored list version was in force on {}", args.source.as_of));
  }
  auto hashes = store::EntityHashes::FromVersions(db, *versions);
  if (!hashes.ok()) return hashes.error();
  lists.hashes = std::move(*hashes);
  lists.versions = store::ListVersionsJson(*versions);
  auto set = store::LoadListSet(db, *versions);
  if (!set.ok()) return set.error();
  return Screener::Build(std::move(*set));
}

std::optional<PaymentLists> OpenLists(const PaymentsArgs& args, std::ostream& err) {
  PaymentLists lists;
  Result<std::shared_ptr<const Screener>> screener = MakeError("no lists");
  if (args.source.store.empty()) {
    screener = OpenScreener(args.source);
  } else {
    lists.store = OpenWritableStore(args.source.store, args.source.audit, kCommand, err,
                                    store::StoreOpening::kCreate);
    if (!lists.store) return std::nullopt;
    screener = OpenStoreScreener(args, lists);
  }
  if (!screener.ok()) {
    err << kCommand << ": " << screener.error().ToString() << "\n";
    return std::nullopt;
  }
  lists.screener = *screener;
  if (lists.store) {
    auto entries = store::ActiveGoodGuys(*lists.store->db);
    if (!entries.ok()) {
      err << kCommand << ": " << entries.error().ToString() << "\n";
      return std::nullopt;
    }
    lists.good_guys = std::make_shared<const store::GoodGuyList>(std::move(*entries), lists.hashes);
  }
  return lists;
}

struct CaseTally {
  std::vector<int64_t> case_ids;  // per message; 0 = none
  size_t opened = 0;
  size_t already_held = 0;
  size_t cleared = 0;  // hits good-guy entries cleared
};

// Each held message becomes a case (or finds its held one); entries whose
// listing changed since their release lapse; one audit row sums the run up.
Status RecordCases(const PaymentsArgs& args, PaymentLists& lists,
                   const std::vector<payments::ParsedMessage>& parsed,
                   const std::vector<std::optional<payments::Screening>>& screenings,
                   CaseTally& tally) {
  store::Database& db = *lists.store->db;
  tally.case_ids.assign(parsed.size(), 0);
  std::vector<int64_t> stale;
  size_t held = 0;
  for (size_t i = 0; i < parsed.size(); ++i) {
    const std::optional<payments::Screening>& screening = screenings[i];
    if (!screening) continue;
    tally.cleared += screening->suppressed.size();
    for (const payments::Hit& hit : screening->hits) {
      for (int64_t id : lists.good_guys->Stale(hit)) stale.push_back(id);
    }
    if (screening->decision != "hold") continue;
    ++held;
    auto recorded = store::RecordPaymentCase(
        db, store::MakePaymentCase(*parsed[i].message, *screening, lists.hashes, lists.versions),
        "");
    if (!recorded.ok()) return recorded.error();
    tally.case_ids[i] = recorded->payment_case.id;
    ++(recorded->created ? tally.opened : tally.already_held);
  }
  EMBARGO_RETURN_IF_ERROR(store::LapseGoodGuys(db, stale, ""));
  auto tx = store::Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto audit =
      store::AppendAudit(db, {"",
                              "payments.screen",
                              args.source.as_of.empty() ? "latest" : "as of " + args.source.as_of,
                              {{"as_of", args.source.as_of},
                               {"versions", lists.versions},
                               {"messages", parsed.size()},
                               {"held", held},
                               {"cases_opened", tally.opened},
                               {"cleared", tally.cleared}}});
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  // Every message's screening record (store/screenings.h), held or not.
  store::ScreeningRecord base;
  base.at = store::NowUtc();
  base.actor = store::CurrentUser();
  base.channel = "cli";
  base.versions = store::ScreenedVersions(lists.screener->lists()).dump();
  std::vector<store::ScreeningRecord> records;
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (!screenings[i]) continue;
    records.push_back(
        store::PaymentScreeningRecord(base, *parsed[i].message, *screenings[i], tally.case_ids[i]));
  }
  auto recorded = store::RecordScreenings(db, records);
  if (!recorded.ok()) return recorded.error();
  return Status::Ok();
}

// Each message's JSON line, each held message's hit lines, and (with a
// store) each screening, for its case.
struct ScreenedBatch {
  std::vector<std::string> lines;
  std::vector<std::string> held;
  std::vector<std::optional<payments::Screening>> screenings;
};

ScreenedBatch ScreenAll(const PaymentsArgs& args, const PaymentLists& lists,
                        std::shared_ptr<const payments::Embargoes> embargoes,
                        const std::vector<payments::ParsedMessage>& parsed) {
  payments::PaymentScreener payment_screener(lists.screener, std::move(embargoes));
  payments::PaymentScreenOptions options;
  options.threshold = args.threshold;
  if (lists.good_guys) {
    options.cleared = [good_guys = lists.good_guys](const payments::Hit& hit) {
      return good_guys->Clears(hit);
    };
  }
  ScreenedBatch batch;
  batch.lines.resize(parsed.size());
  batch.held.resize(parsed.size());
  batch.screenings.resize(lists.store ? parsed.size() : 0);
  ParallelFor(parsed.size(), args.threads, [&](size_t i) {
    JsonWriter w(batch.lines[i]);
    if (!parsed[i].message) {
      payments::WriteParseError(w, *parsed[i].error);
      return;
    }
    const payments::Message& message = *parsed[i].message;
    payments::Screening screening = payment_screener.Screen(message, options);
    payments::WriteScreening(w, message, screening);
    if (screening.decision == "hold") {
      for (const payments::Hit& hit : screening.hits) {
        batch.held[i] += fmt::format("  {} [{}] {}\n", hit.path, hit.kind, hit.detail);
      }
    }
    if (!batch.screenings.empty()) batch.screenings[i] = std::move(screening);
  });
  return batch;
}

void PrintHolds(const std::vector<payments::ParsedMessage>& parsed, const ScreenedBatch& batch,
                const std::vector<int64_t>& case_ids, std::ostream& report) {
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (batch.held[i].empty()) continue;
    const payments::Message& m = *parsed[i].message;
    std::string case_id = case_ids[i] == 0 ? "" : fmt::format(" (payment case {})", case_ids[i]);
    report << fmt::format("HOLD {}:{} {} {}{}\n", m.file, m.line, m.type, m.id, case_id)
           << batch.held[i];
  }
}

}  // namespace

int RunPaymentsScreen(const PaymentsArgs& args, std::ostream& out, std::ostream& err) {
  std::shared_ptr<const payments::Embargoes> embargoes = payments::DefaultEmbargoes();
  if (!args.embargoes.empty()) {
    auto loaded = payments::Embargoes::Load(args.embargoes);
    if (!loaded.ok()) {
      err << "embargo payments: " << loaded.error().ToString() << "\n";
      return 1;
    }
    embargoes = *loaded;
  }
  std::vector<payments::ParsedMessage> parsed;
  for (const std::string& input : args.inputs) {
    for (payments::ParsedMessage& p : payments::ReadPayments(input)) parsed.push_back(std::move(p));
  }
  std::optional<PaymentLists> lists = OpenLists(args, err);
  if (!lists) return 1;
  ScreenedBatch batch = ScreenAll(args, *lists, embargoes, parsed);

  int code = 0;
  CaseTally cases;
  cases.case_ids.assign(parsed.size(), 0);
  if (lists->store) {
    Status recorded = RecordCases(args, *lists, parsed, batch.screenings, cases);
    if (!recorded.ok()) {
      err << "embargo payments: the held messages' cases were not all stored: "
          << recorded.error().ToString() << "\n";
      code = 1;
    }
  }
  size_t errors = 0, holds = 0;
  for (const payments::ParsedMessage& p : parsed) errors += p.message ? 0 : 1;
  for (const std::string& h : batch.held) holds += h.empty() ? 0 : 1;
  int written = WriteOutput("payments", args.output, out, err, [&](std::ostream& sink) {
    for (const std::string& line : batch.lines) sink << line << '\n';
  });
  if (written != 0) return written;
  std::ostream& report = args.output.empty() || args.output == "-" ? err : out;
  if (args.print_holds) PrintHolds(parsed, batch, cases.case_ids, report);
  for (const payments::ParsedMessage& p : parsed) {
    if (!p.message) report << "embargo payments: " << p.error->ToString() << "\n";
  }
  report << fmt::format("embargo payments: {} messages: {} pass, {} held, {} not read\n",
                        parsed.size(), parsed.size() - errors - holds, holds, errors);
  if (lists->store) {
    report << fmt::format(
        "embargo payments: payment cases: {} opened, {} already held; {} hits cleared by "
        "good-guy entries\n",
        cases.opened, cases.already_held, cases.cleared);
    if (!PublishAuditHead(*lists->store, kCommand, report, err)) code = 1;
  }
  if (code != 0) return code;
  return errors > 0 ? 3 : 0;
}

}  // namespace embargo::cli
