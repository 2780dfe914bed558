#include "cli/lists_command.h"

#include <fmt/format.h>

#include <chrono>
#include <ostream>

namespace embargo::cli {

int RunLists(const ListSource& source, std::ostream& out, std::ostream& err) {
  auto screener = OpenScreener(source);
  if (!screener.ok()) {
    err << "embargo lists: " << screener.error().ToString() << '\n';
    return 1;
  }
  const ListSet& lists = (*screener)->lists();
  out << fmt::format("{:<18} {:<13} {:>8} {:>8} {:<11} {}\n", "dataset", "format", "entities",
                     "names", "version", "path");
  size_t entities = 0, names = 0;
  for (const Dataset& d : lists.datasets) {
    out << fmt::format("{:<18} {:<13} {:>8} {:>8} {:<11} {}\n", d.name, d.format, d.entity_count,
                       d.name_count, d.version_date.empty() ? "-" : d.version_date, d.path);
    entities += d.entity_count;
    names += d.name_count;
  }
  out << fmt::format("{:<18} {:<13} {:>8} {:>8}\n", "total", "", entities, names);
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
