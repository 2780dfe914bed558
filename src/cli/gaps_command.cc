#include "cli/gaps_command.h"

#include <fmt/format.h>

#include <chrono>
#include <ostream>

#include "cli/output_file.h"
#include "cli/xref_command.h"
#include "common/json_text.h"
#include "store/store.h"
#include "store/versions.h"
#include "xref/gaps.h"
#include "xref/gaps_html.h"

namespace embargo::cli {
namespace {

// The report in `format`, to --out or `out`.
int Write(const GapsArgs& args, const xref::GapReport& report, std::ostream& out,
          std::ostream& err) {
  return WriteOutput("gaps", args.out, out, err, [&](std::ostream& sink) {
    if (args.format == "json") sink << JsonText(xref::GapReportToJson(report), 2) << '\n';
    if (args.format == "csv") sink << xref::GapReportToCsv(report);
    if (args.format == "html") sink << xref::GapReportToHtml(report);
  });
}

// With --store: when the stored versions first show each record of the
// versions in force, for lists that give no listing date.
Status AddSeenDates(const ListSource& source, xref::GapOptions& options) {
  if (source.store.empty()) return Status::Ok();
  auto db = store::OpenStore(store::StoreUrl(source.store), store::StoreOpening::kExisting);
  if (!db.ok()) return db.error();
  auto versions = store::VersionsInForce(**db, source.as_of);
  if (!versions.ok()) return versions.error();
  for (const store::ListVersion& v : *versions) {
    auto seen = store::FirstSeenDates(**db, v);
    if (!seen.ok()) return seen.error();
    for (auto& [id, s] : *seen) options.seen[id] = {std::move(s.by), std::move(s.after)};
  }
  return Status::Ok();
}

}  // namespace

int RunGaps(const GapsArgs& args, std::ostream& out, std::ostream& err) {
  if (args.format != "json" && args.format != "csv" && args.format != "html") {
    err << "embargo gaps: --format must be json, csv or html\n";
    return 2;
  }
  xref::GapOptions options;
  if (!args.regime.empty()) {
    std::optional<std::string> regime = xref::ParseRegime(args.regime);
    if (!regime) {
      err << fmt::format("embargo gaps: unknown regime '{}' (known: {})\n", args.regime,
                         fmt::join(xref::KnownRegimes(), ", "));
      return 2;
    }
    options.regime = *regime;
  }
  auto lists = OpenListSet(args.source);
  if (!lists.ok()) {
    err << "embargo gaps: " << lists.error().ToString() << '\n';
    return 1;
  }
  if (Status seen = AddSeenDates(args.source, options); !seen.ok()) {
    err << "embargo gaps: " << seen.error().ToString() << '\n';
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  xref::XrefOptions xref_options;
  xref_options.name_threshold = args.name_threshold;
  xref_options.threads = args.threads;
  xref::XrefResult links = xref::LinkLists(*lists, xref_options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  err << fmt::format("linked {} records in {:.1f} s\n", lists->entities.size(), seconds);
  xref::GapReport report = xref::BuildGapReport(*lists, links, options);
  xref::ExplainMissing(*lists, links, xref_options, report);
  return Write(args, report, out, err);
}

}  // namespace embargo::cli
