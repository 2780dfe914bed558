#include "cli/screenings_command.h"

#include <fmt/format.h>

#include <ostream>

#include "cli/output_file.h"
#include "cli/store_commands.h"
#include "cli/text_columns.h"
#include "common/json_text.h"
#include "store/screening_certificate.h"
#include "store/screenings.h"

namespace embargo::cli {
namespace {

// A readable one-line summary of what a record screened.
std::string SubjectText(const nlohmann::json& subject, const std::string& kind) {
  if (!subject.is_object()) return "";
  if (kind == "batch") {
    return fmt::format("{} ({} rows)", subject.value("input", ""),
                       subject.value("rows", nlohmann::json(0)).dump());
  }
  if (kind == "payment") {
    return fmt::format("{} {}", subject.value("type", ""), subject.value("id", ""));
  }
  // A name query: its names (CLI: "names"; API: properties.name).
  const nlohmann::json* names = nullptr;
  if (subject.contains("names")) names = &subject["names"];
  if (subject.contains("properties") && subject["properties"].is_object() &&
      subject["properties"].contains("name")) {
    names = &subject["properties"]["name"];
  }
  if (names == nullptr) return "";
  if (names->is_string()) return names->get<std::string>();
  std::string text;
  if (names->is_array()) {
    for (const nlohmann::json& n : *names) {
      if (n.is_string()) text += (text.empty() ? "" : "; ") + n.get<std::string>();
    }
  }
  return text;
}

}  // namespace

int RunScreeningsList(const ScreeningsArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo screenings", err);
  if (db == nullptr) return 1;
  store::ScreeningFilter filter;
  filter.actor = args.actor;
  filter.kind = args.kind;
  filter.since = args.since;
  filter.search = args.search;
  filter.limit = static_cast<size_t>(args.limit);
  auto records = store::ListScreenings(*db, filter);
  if (!records.ok()) {
    err << "embargo screenings: " << records.error().ToString() << '\n';
    return 1;
  }
  if (args.format == "json") {
    for (const store::ScreeningRecord& r : *records) {
      out << JsonText(store::ScreeningJson(r)) << '\n';
    }
    return 0;
  }
  out << fmt::format("{:>6} {} {} {} {} {} {}\n", "id", FitColumn("at (UTC)", 19),
                     FitColumn("by", 10), FitColumn("via", 3), FitColumn("kind", 7),
                     FitColumn("outcome", 12), "screened");
  for (const store::ScreeningRecord& r : *records) {
    nlohmann::json subject = nlohmann::json::parse(r.subject, nullptr, false);
    out << fmt::format("{:>6} {} {} {} {} {} {}\n", r.id, FitColumn(r.at.substr(0, 19), 19),
                       FitColumn(r.actor, 10), FitColumn(r.channel, 3), FitColumn(r.kind, 7),
                       FitColumn(r.outcome, 12), SubjectText(subject, r.kind));
  }
  return 0;
}

int RunScreeningsShow(const ScreeningsArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo screenings show", err);
  if (db == nullptr) return 1;
  auto record = store::GetScreening(*db, args.id);
  if (!record.ok()) {
    err << "embargo screenings show: " << record.error().ToString() << '\n';
    return 1;
  }
  if (!*record) {
    err << fmt::format("embargo screenings show: no screening record {}\n", args.id);
    return 1;
  }
  out << JsonText(store::ScreeningJson(**record), 2) << '\n';
  if (args.certificate.empty()) return 0;
  auto page = store::ScreeningCertificate(*db, **record);
  if (!page.ok()) {
    err << "embargo screenings show: " << page.error().ToString() << '\n';
    return 1;
  }
  int written = WriteOutput("screenings show", args.certificate, out, err,
                            [&](std::ostream& sink) { sink << *page; });
  if (written == 0) err << "screening certificate: " << args.certificate << '\n';
  return written;
}

}  // namespace embargo::cli
