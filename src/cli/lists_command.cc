#include "cli/lists_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "model/imo.h"

namespace embargo::cli {
namespace {

// Every vessel's IMO number, checked by its check digit (DOMAIN.md 6): a
// number that fails is kept (official data has some) and reported, with
// where it is, so that a user can tell the list's publisher. Firms' IMO
// company numbers follow no such rule and are not checked.
void ReportImoNumbers(const ListSet& lists, std::ostream& out) {
  size_t checked = 0;
  std::vector<std::string> invalid;
  for (const Entity& e : lists.entities) {
    if (e.schema != Schema::kVessel) continue;
    for (const Identifier& id : e.identifiers) {
      if (id.type != IdType::kImo) continue;
      ++checked;
      if (!IsValidImo(ImoDigits(id.value)))
        invalid.push_back(fmt::format("{} IMO {}", e.id, id.value));
    }
  }
  if (checked == 0) return;
  out << fmt::format(
      "vessels' IMO numbers: {} checked, {} valid, {} with a wrong check digit or "
      "length\n",
      checked, checked - invalid.size(), invalid.size());
  for (const std::string& line : invalid) out << "  invalid: " << line << '\n';
}

// What the lists say of their vessels beyond names: how many give each
// fact a ship is screened or reviewed by.
void ReportVessels(const ListSet& lists, std::ostream& out) {
  size_t vessels = 0, imo = 0, mmsi = 0, type = 0, tonnage = 0, built = 0, former = 0;
  for (const Entity& e : lists.entities) {
    if (e.schema != Schema::kVessel) continue;
    ++vessels;
    auto has = [&e](IdType t) {
      return std::any_of(e.identifiers.begin(), e.identifiers.end(),
                         [t](const Identifier& id) { return id.type == t; });
    };
    imo += has(IdType::kImo) ? 1 : 0;
    mmsi += has(IdType::kMmsi) ? 1 : 0;
    type += e.vessel->type.empty() ? 0 : 1;
    tonnage += e.vessel->tonnage.empty() && e.vessel->gross_tonnage.empty() ? 0 : 1;
    built += e.vessel->build_date.empty() ? 0 : 1;
    former += e.former_flags.empty() ? 0 : 1;
  }
  if (vessels == 0) return;
  out << fmt::format(
      "vessels: {}; with an IMO number {}, an MMSI {}, a type {}, a tonnage {}, a year of build "
      "{}, former flags {}\n",
      vessels, imo, mmsi, type, tonnage, built, former);
}

}  // namespace

int RunLists(const ListSource& source, std::ostream& out, std::ostream& err) {
  auto screener = OpenScreener(source);
  if (!screener.ok()) {
    err << "embargo lists: " << screener.error().ToString() << '\n';
    return 1;
  }
  const ListSet& lists = (*screener)->lists();
  size_t width = 18, format_width = 13;  // the columns fit the longest name and format
  for (const Dataset& d : lists.datasets) {
    width = std::max(width, d.name.size());
    format_width = std::max(format_width, d.format.size());
  }
  out << fmt::format("{:<{}} {:<{}} {:>8} {:>8} {:<11} {}\n", "dataset", width, "format",
                     format_width, "entities", "names", "version", "path");
  size_t entities = 0, names = 0;
  for (const Dataset& d : lists.datasets) {
    out << fmt::format("{:<{}} {:<{}} {:>8} {:>8} {:<11} {}\n", d.name, width, d.format,
                       format_width, d.entity_count, d.name_count,
                       d.version_date.empty() ? "-" : d.version_date, d.path);
    entities += d.entity_count;
    names += d.name_count;
  }
  out << fmt::format("{:<{}} {:<{}} {:>8} {:>8}\n", "total", width, "", format_width, entities,
                     names);
  ReportVessels(lists, out);
  ReportImoNumbers(lists, out);
  for (const std::string& path : lists.superseded)
    out << "superseded by a newer version: " << path << '\n';
  for (const std::string& note : lists.skipped) out << "skipped: " << note << '\n';
  return 0;
}

int RunIndexBuild(const ListSource& source, const std::string& out_path, std::ostream& out,
                  std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  auto screener = OpenScreener(source);
  if (!screener.ok()) {
    err << "embargo index build: " << screener.error().ToString() << '\n';
    return 1;
  }
  Status saved = (*screener)->SaveSnapshot(out_path);
  if (!saved.ok()) {
    err << "embargo index build: " << saved.error().ToString() << '\n';
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out << fmt::format("wrote {} ({} entities, {} names) in {:.2f} s\n", out_path,
                     (*screener)->lists().entities.size(), (*screener)->name_count(), seconds);
  return 0;
}

}  // namespace embargo::cli
